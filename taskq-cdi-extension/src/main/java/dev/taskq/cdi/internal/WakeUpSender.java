package dev.taskq.cdi.internal;

import dev.taskq.jpa.internal.WakeUpChannel;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the wake-ups of committed enqueues to the other nodes ({@link WakeUpChannel}), after the
 * commit and from an executor thread. Never inside the enqueuing transaction: PostgreSQL refuses to
 * PREPARE a transaction that sent a NOTIFY, which would break the two-phase commit of an
 * application whose transaction has a second resource. Commits that arrive while a send is on its
 * way are folded into the next one, so a burst of enqueues sends one notification per queue.
 * Best effort: a lost wake-up costs the other nodes one poll interval, never a task.
 */
final class WakeUpSender {

    private static final Logger LOG = Logger.getLogger(WakeUpSender.class.getName());

    private final TaskqRuntime runtime;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile ManagedExecutorService executor;

    WakeUpSender(TaskqRuntime runtime) {
        this.runtime = runtime;
    }

    /** Called after {@code queues} got committed tasks. */
    void send(Collection<String> queues) {
        pending.addAll(queues);
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor().execute(this::drain);
            } catch (RejectedExecutionException | IllegalStateException e) {
                scheduled.set(false); // the application is stopping: nobody needs waking
            }
        }
    }

    private void drain() {
        scheduled.set(false); // first, so that a queue added from now on schedules another send
        List<String> queues = new ArrayList<>();
        for (Iterator<String> it = pending.iterator(); it.hasNext(); ) {
            queues.add(it.next());
            it.remove();
        }
        if (queues.isEmpty()) {
            return;
        }
        try {
            WakeUpChannel.notify(runtime.dataSource(), queues);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "taskq could not send the wake-up for queue(s) " + queues + "; other nodes poll");
        }
    }

    private ManagedExecutorService executor() {
        ManagedExecutorService current = executor;
        if (current == null) {
            current = TaskqRuntime.lookup(runtime.config().executor(), TaskqConfig.EXECUTOR);
            executor = current;
        }
        return current;
    }
}
