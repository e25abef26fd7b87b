package dev.taskq.cdi.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashSet;
import java.util.Set;

/**
 * Wakes the workers of a queue as soon as an enqueue to it commits, so an idle worker starts a due
 * task at once instead of at its next poll: this node's directly, the other nodes' through a
 * PostgreSQL NOTIFY ({@link WakeUpSender}, {@link WakeUpListener}). Never before the commit: a
 * rolled-back enqueue wakes nobody. One synchronization per transaction, however many tasks it
 * enqueues.
 */
@ApplicationScoped
public class CommitWakeUp {

    private static final String QUEUES_KEY = CommitWakeUp.class.getName() + ".queues";

    @Inject
    WorkerPool workers;

    @Inject
    TaskqRuntime runtime;

    private volatile TransactionSynchronizationRegistry registry;
    private volatile WakeUpSender sender;

    /** Called after a row for {@code queue} was written on the calling thread. */
    void enqueued(String queue) {
        TransactionSynchronizationRegistry transactions = registry();
        if (transactions.getTransactionKey() == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            workers.wakeUp(queue); // no transaction: the row is already committed
            notifyOtherNodes(Set.of(queue));
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> queues = (Set<String>) transactions.getResource(QUEUES_KEY);
        if (queues == null) {
            Set<String> pending = new HashSet<>();
            transactions.putResource(QUEUES_KEY, pending);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        pending.forEach(workers::wakeUp);
                        notifyOtherNodes(pending);
                    }
                }
            });
            queues = pending;
        }
        queues.add(queue);
    }

    private void notifyOtherNodes(Set<String> queues) {
        if (runtime.config().notifyEnabled()) {
            sender().send(queues);
        }
    }

    private WakeUpSender sender() {
        WakeUpSender current = sender;
        if (current == null) {
            synchronized (this) {
                if (sender == null) {
                    sender = new WakeUpSender(runtime);
                }
                current = sender;
            }
        }
        return current;
    }

    private TransactionSynchronizationRegistry registry() {
        TransactionSynchronizationRegistry current = registry;
        if (current == null) {
            current = TaskqRuntime.lookup("java:comp/TransactionSynchronizationRegistry", "the JTA TransactionSynchronizationRegistry");
            registry = current;
        }
        return current;
    }
}
