package dev.taskq.cdi.internal;

import dev.taskq.jpa.internal.NewTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes enqueued rows in JDBC batches. Inside a JTA transaction the rows wait in a buffer of that
 * transaction and are inserted with one {@code executeBatch} when {@value #FLUSH_AT} have gathered, before
 * taskq itself reads the table in that transaction (revoke), and at the latest in {@code beforeCompletion}:
 * still inside the caller's transaction, so they commit or roll back with it. A failed insert there rolls the
 * transaction back. Without a transaction each row is inserted, and committed, at once. Thread-safe.
 */
@ApplicationScoped
public class EnqueueBuffer {

    /** Rows written per batch: large enough to save round trips, small enough to bound the memory a transaction holds. */
    static final int FLUSH_AT = 500;

    private static final String BUFFER_KEY = EnqueueBuffer.class.getName() + ".rows";

    @Inject
    TaskqRuntime runtime;

    private volatile TransactionSynchronizationRegistry registry;

    /** Writes the row now, or with the rest of the calling thread's transaction. */
    void add(NewTask task) {
        TransactionSynchronizationRegistry transactions = registry();
        if (transactions.getTransactionKey() == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            runtime.repository().insert(List.of(task));
            return;
        }
        Rows rows = (Rows) transactions.getResource(BUFFER_KEY);
        if (rows == null) {
            rows = new Rows();
            transactions.putResource(BUFFER_KEY, rows);
            transactions.registerInterposedSynchronization(rows);
        }
        rows.add(task);
    }

    /** Writes the rows the calling thread's transaction has buffered, so that a query in it sees them. */
    void flush() {
        TransactionSynchronizationRegistry transactions = registry();
        if (transactions.getTransactionKey() != null && transactions.getResource(BUFFER_KEY) instanceof Rows rows) {
            rows.flush();
        }
    }

    private TransactionSynchronizationRegistry registry() {
        TransactionSynchronizationRegistry current = registry;
        if (current == null) {
            current = TaskqRuntime.lookup("java:comp/TransactionSynchronizationRegistry", "the JTA TransactionSynchronizationRegistry");
            registry = current;
        }
        return current;
    }

    /** The rows of one transaction, used by its thread only. */
    private final class Rows implements Synchronization {

        private List<NewTask> waiting = new ArrayList<>();

        void add(NewTask task) {
            waiting.add(task);
            if (waiting.size() >= FLUSH_AT) {
                flush();
            }
        }

        void flush() {
            if (!waiting.isEmpty()) {
                List<NewTask> batch = waiting;
                waiting = new ArrayList<>();
                runtime.repository().insert(batch);
            }
        }

        @Override
        public void beforeCompletion() {
            flush(); // an exception here rolls the transaction back: nothing half-enqueued commits
        }

        @Override
        public void afterCompletion(int status) {
            waiting = List.of();
        }
    }
}
