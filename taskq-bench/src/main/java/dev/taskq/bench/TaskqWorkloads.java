package dev.taskq.bench;

import dev.taskq.TaskOptions;
import dev.taskq.TaskQueue;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * taskq's workloads, through its public API only: {@link TaskQueue#enqueue}, the worker pool as the
 * node's configuration starts it (queues c4, c16, c32 and latency), and the task table.
 */
@ApplicationScoped
public class TaskqWorkloads {

    /** No worker serves this queue: the enqueue-only workloads write here. */
    static final String STORED = "stored";

    @Inject
    TaskQueue tasks;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;

    /** {@code n} enqueue calls in one JTA transaction, to a queue no worker serves. */
    public JsonObject enqueueInOneTransaction(int n) throws Exception {
        Timed timed = enqueueAll(STORED, n, false);
        return enqueueResult(n, timed).build();
    }

    /** {@code n} transactions of one enqueue each, from {@code threads} threads; in JTA transactions or with none (autocommit). */
    public JsonObject singleEnqueues(int n, int threads, boolean jta) throws Exception {
        TaskOptions stored = TaskOptions.defaults().queue(STORED);
        CpuMeter.Snapshot before = CpuMeter.snapshot(Measure.databaseName(dataSource));
        long elapsed = Measure.parallel(executor, threads, n, index -> {
            long sequence = index;
            if (jta) {
                transaction.begin();
                try {
                    tasks.enqueue(BenchTasks.class, bench -> bench.noop(sequence), stored);
                } catch (RuntimeException e) {
                    transaction.rollback();
                    throw e;
                }
                transaction.commit();
            } else {
                tasks.enqueue(BenchTasks.class, bench -> bench.noop(sequence), stored);
            }
        });
        CpuMeter.Snapshot after = CpuMeter.snapshot(Measure.databaseName(dataSource));
        return Measure.rate(n, elapsed).add("threads", threads).add("cpu", CpuMeter.between(before, after)).build();
    }

    /**
     * Enqueues {@code n} no-op tasks to the queue served at {@code concurrency} in one transaction (its rows are
     * invisible to the worker until the commit), then times from the commit until the last row is gone.
     * Queues c4, c16, c32 complete atomically (the default), b4, b16, b32 with {@code completion=batched}.
     */
    public JsonObject drain(int n, int concurrency, boolean batched, boolean writing) throws Exception {
        String queue = (batched ? "b" : "c") + concurrency;
        if (concurrency != 4 && concurrency != 16 && concurrency != 32) {
            throw new IllegalArgumentException("this node serves concurrency 4, 16 and 32 only (queues c4, c16, c32, b4, b16, b32), not " + concurrency);
        }
        Probe.reset(0);
        Timed timed = enqueueAll(queue, n, writing);
        long start = timed.enqueued; // the commit, which also wakes the worker, starts the drain
        Measure.awaitRuns(n, Measure.DRAIN_TIMEOUT);
        long ran = System.nanoTime();
        Measure.awaitNoRow(dataSource, "SELECT 1 FROM taskq_task WHERE queue = ? LIMIT 1", queue, Duration.ofMinutes(2));
        long end = System.nanoTime();
        CpuMeter.Snapshot drained = CpuMeter.snapshot(Measure.databaseName(dataSource));
        return Measure.rate(n, end - start)
                .add("concurrency", concurrency)
                .add("effects", BenchEffects.count(dataSource))
                .add("lastRunToEmptyMillis", (end - ran) / 1e6)
                .add("cpu", CpuMeter.between(timed.beforeCommit, drained))
                .add("enqueue", enqueueResult(n, timed))
                .add("libertyExecutorThreads", Measure.libertyExecutorThreads())
                .build();
    }

    /**
     * Enqueues one stamped task every {@code 1/rate} seconds for {@code seconds}, each in its own
     * auto-committed insert (no transaction), and records how long after the call each task started.
     */
    public JsonObject latency(int rate, int seconds) throws Exception {
        int count = rate * seconds;
        long period = 1_000_000_000L / rate;
        Probe.reset(count);
        long first = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < count; i++) {
            Measure.sleepUntil(first + i * period);
            long enqueued = System.nanoTime();
            tasks.enqueue(BenchTasks.class, bench -> bench.stamp(enqueued));
        }
        long sent = System.nanoTime();
        Measure.awaitLatencies(count, Duration.ofMinutes(2));
        return Measure.percentiles(Probe.sortedLatencies())
                .add("rate", rate)
                .add("achievedRate", count / ((sent - first) / 1e9))
                .build();
    }

    private static jakarta.json.JsonObjectBuilder enqueueResult(int n, Timed timed) {
        return Measure.rate(n, (timed.loopEnded - timed.started) + (timed.committed - timed.enqueued))
                .add("commitSeconds", (timed.committed - timed.enqueued) / 1e9)
                .add("cpu", CpuMeter.between(timed.beforeEnqueue, timed.beforeCommit));
    }

    /** {@code n} no-op tasks, or with {@code writing} tasks that insert one row each, enqueued in one transaction. */
    private Timed enqueueAll(String queue, int n, boolean writing) throws Exception {
        TaskOptions options = TaskOptions.defaults().queue(queue);
        CpuMeter.Snapshot beforeEnqueue = CpuMeter.snapshot(Measure.databaseName(dataSource));
        transaction.setTransactionTimeout((int) Duration.ofHours(1).toSeconds());
        transaction.begin();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < n; i++) {
                long sequence = i;
                if (writing) {
                    tasks.enqueue(BenchTasks.class, bench -> bench.write(sequence), options);
                } else {
                    tasks.enqueue(BenchTasks.class, bench -> bench.noop(sequence), options);
                }
            }
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        } finally {
            transaction.setTransactionTimeout(0);
        }
        long loopEnded = System.nanoTime();
        CpuMeter.Snapshot beforeCommit = CpuMeter.snapshot(Measure.databaseName(dataSource));
        long enqueued = System.nanoTime();
        transaction.commit();
        return new Timed(started, loopEnded, enqueued, System.nanoTime(), beforeEnqueue, beforeCommit);
    }

    /**
     * started: first enqueue; loopEnded: the last enqueue returned; enqueued: the commit begins (after a CPU
     * snapshot, which is not timed); committed: commit returned.
     */
    private record Timed(long started, long loopEnded, long enqueued, long committed,
                         CpuMeter.Snapshot beforeEnqueue, CpuMeter.Snapshot beforeCommit) {
    }
}
