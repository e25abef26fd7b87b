package dev.taskq.cdi.internal;

import dev.taskq.jpa.internal.StateTotals;
import dev.taskq.jpa.internal.TaskDetail;
import dev.taskq.jpa.internal.TaskFilter;
import dev.taskq.jpa.internal.TaskRow;
import dev.taskq.jpa.internal.TaskStateCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What an admin front end may read and do with tasks: the summary of the five groups, a filtered
 * page of one group, one task, and "retry now" and delete on one task, a list or everything a filter
 * matches. The taskq console uses only this; it holds no SQL itself. Thread-safe.
 *
 * <p>Every call decides the groups at the clock's now with {@code taskq.dirty-after}, so what a
 * page shows and what a command touches agree. Commands re-check each row's group in the same
 * statement: an active task is never retried or deleted, whatever the caller asks.
 */
@ApplicationScoped
public class TaskConsole {

    /** The most rows one page may ask for. */
    public static final int MAX_PAGE_SIZE = 500;

    @Inject
    TaskqRuntime runtime;

    @Inject
    WorkerPool workers;

    /** The five groups per task name and queue, and their totals, counted in one query. */
    public TaskSummary summary() {
        Instant now = now();
        List<TaskStateCount> counts = runtime.repository().countStates(now, dirtyAfter());
        return new TaskSummary(now, counts, totals(counts));
    }

    /**
     * Page {@code page} (from 1) of the tasks the filter matches, {@code size} rows a page, ordered by
     * execute_at: oldest first unless {@code newestFirst}. Paged in the database.
     */
    public TaskPage page(TaskFilter filter, boolean newestFirst, int page, int size) {
        if (page < 1 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be >= 1 and size between 1 and " + MAX_PAGE_SIZE + ", was page "
                    + page + ", size " + size);
        }
        Instant now = now();
        long total = runtime.repository().countTasks(filter, now, dirtyAfter());
        List<TaskRow> rows = runtime.repository().findTasks(filter, newestFirst, (page - 1L) * size, size, now, dirtyAfter()); // long: ?page=200000000 must not wrap
        return new TaskPage(now, filter, newestFirst, page, size, total, rows);
    }

    /** How many tasks the filter matches now: what a command on the filter would touch. */
    public long count(TaskFilter filter) {
        return runtime.repository().countTasks(filter, now(), dirtyAfter());
    }

    /** Every field of one task; empty if it is gone. */
    public Optional<TaskDetail> task(UUID id) {
        return runtime.repository().findTask(id, now(), dirtyAfter());
    }

    /** "Retry now" of a failed or dirty task. @return false if it is gone or in another group */
    public boolean retryNow(UUID id) {
        boolean retried = runtime.repository().retryNow(id, now(), dirtyAfter());
        if (retried) {
            wakeWorkers();
        }
        return retried;
    }

    /** "Retry now" of each listed task that is failed or dirty. @return how many were retried */
    public int retryNow(Collection<UUID> ids) {
        return wakeWorkersIfAny(runtime.repository().retryNow(ids, now(), dirtyAfter()));
    }

    /** "Retry now" of every task a filter of the failed or dirty group matches. @return how many were retried */
    public int retryNowMatching(TaskFilter filter) {
        return wakeWorkersIfAny(runtime.repository().retryNowMatching(filter, now(), dirtyAfter()));
    }

    /** Deletes a task unless it is active. @return false if it is gone or active */
    public boolean delete(UUID id) {
        return runtime.repository().deleteFailedOrWaiting(id, now(), dirtyAfter());
    }

    /** Deletes each listed task that is not active. @return how many were deleted */
    public int delete(Collection<UUID> ids) {
        return runtime.repository().deleteFailedOrWaiting(ids, now(), dirtyAfter());
    }

    /** Deletes every task a filter matches, for any group but active. @return how many were deleted */
    public int deleteMatching(TaskFilter filter) {
        return runtime.repository().deleteMatching(filter, now(), dirtyAfter());
    }

    private int wakeWorkersIfAny(int retried) {
        if (retried > 0) {
            wakeWorkers();
        }
        return retried;
    }

    /** Retried tasks are due at once: wake this node's idle workers instead of waiting for their next poll. */
    private void wakeWorkers() {
        runtime.config().concurrencyByQueue().keySet().forEach(workers::wakeUp);
    }

    private static StateTotals totals(List<TaskStateCount> counts) {
        long failed = 0, dirty = 0, active = 0, pending = 0, future = 0;
        Instant oldestPending = null;
        for (TaskStateCount count : counts) {
            failed += count.failed();
            dirty += count.dirty();
            active += count.active();
            pending += count.pending();
            future += count.future();
            Instant oldest = count.oldestPendingExecuteAt();
            if (oldest != null && (oldestPending == null || oldest.isBefore(oldestPending))) {
                oldestPending = oldest;
            }
        }
        return new StateTotals(failed, dirty, active, pending, future, Optional.ofNullable(oldestPending));
    }

    private Instant now() {
        return runtime.clock().instant();
    }

    private Duration dirtyAfter() {
        return runtime.config().dirtyAfter();
    }
}
