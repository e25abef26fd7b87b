package dev.taskq.cdi.internal;

import dev.taskq.jpa.internal.DirtyTask;
import dev.taskq.jpa.internal.StateTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Looks for dirty tasks (started, heartbeat older than {@code taskq.dirty-after}) and warns once
 * per newly dirty task. Dirty tasks are never run again by themselves: a person decides.
 * Driven by {@link DirtyTaskTimer} every few seconds.
 */
@ApplicationScoped
public class DirtyTaskWatch {

    private static final Logger LOG = Logger.getLogger(DirtyTaskWatch.class.getName());
    /** Enough to warn about; more are still counted by the health check and shown in the console. */
    private static final int MAX_REPORTED = 1000;

    @Inject
    TaskqRuntime runtime;

    private final Set<UUID> reported = ConcurrentHashMap.newKeySet();

    void check() {
        Instant now = runtime.clock().instant();
        List<DirtyTask> dirty = runtime.repository().findDirty(now, runtime.config().dirtyAfter(), MAX_REPORTED);
        for (DirtyTask task : dirty) {
            if (reported.add(task.id())) {
                LOG.warning(() -> "Task " + task.id() + " (" + task.name() + ", queue " + task.queue() + ") is dirty: node "
                        + task.node() + " last proved it alive at " + task.aliveAt() + ". taskq will not run it again by"
                        + " itself; check whether its work happened, then retry or delete it.");
            }
        }
        // forget tasks that were retried or deleted, so they are reported again if they turn dirty again
        reported.retainAll(dirty.stream().map(DirtyTask::id).toList());
        // The five groups are counted here only for this FINE line, never kept: the health check and the console
        // count live, because readiness must say whether the database answers now, and because this timer does
        // not run at all in a server without Enterprise Beans Lite. Kept counts would have no reader.
        if (LOG.isLoggable(Level.FINE)) {
            StateTotals totals = runtime.repository().totals(now, runtime.config().dirtyAfter());
            LOG.fine("taskq tasks: " + totals.failed() + " failed, " + totals.dirty() + " dirty, " + totals.active() + " active, "
                    + totals.pending() + " pending, " + totals.future() + " future");
        }
    }
}
