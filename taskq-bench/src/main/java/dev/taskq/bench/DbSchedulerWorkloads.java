package dev.taskq.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * db-scheduler's workloads, configured as its documentation recommends for throughput: one-time tasks,
 * the lock-and-fetch polling strategy ({@code pollUsingLockAndFetch(0.5, 1.0)}), {@code scheduleBatch}
 * for bulk scheduling. It gets the same Liberty connection pool as taskq, and runs on its own threads.
 */
@ApplicationScoped
public class DbSchedulerWorkloads {

    /** The same polling interval as taskq's default poll-interval. */
    static final Duration POLLING_INTERVAL = Duration.ofSeconds(1);

    static final OneTimeTask<Long> NOOP = Tasks.oneTime("bench-noop", Long.class)
            .execute((instance, context) -> Probe.ran());
    /** db-scheduler calls its tasks on its own threads, where java:comp cannot be looked up: the pool is handed over at startup. */
    private static volatile DataSource effects;
    static final OneTimeTask<Long> WRITE = Tasks.oneTime("bench-write", Long.class)
            .execute((instance, context) -> {
                try {
                    BenchEffects.insert(effects, instance.getData());
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
    static final OneTimeTask<Long> STAMP = Tasks.oneTime("bench-stamp", Long.class)
            .execute((instance, context) -> Probe.started(instance.getData()));

    /** Instance ids are unique across the whole run. */
    private static final AtomicLong IDS = new AtomicLong();

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;

    private volatile SchedulerClient client;

    @jakarta.annotation.PostConstruct
    void shareDataSource() {
        effects = dataSource;
    }

    /** {@code n} executions created by one {@code scheduleBatch} call inside one JTA transaction; no scheduler polls. */
    public JsonObject scheduleBatchInOneTransaction(int n) throws Exception {
        CpuMeter.Snapshot before = CpuMeter.snapshot(Measure.databaseName(dataSource));
        long[] timed = scheduleBatch(NOOP, n);
        CpuMeter.Snapshot after = CpuMeter.snapshot(Measure.databaseName(dataSource));
        return Measure.rate(n, timed[2] - timed[0]).add("commitSeconds", (timed[2] - timed[1]) / 1e9)
                .add("cpu", CpuMeter.between(before, after)).build();
    }

    /** {@code n} {@code schedule} calls (each its own auto-committed insert) from {@code threads} threads; no scheduler polls. */
    public JsonObject singleSchedules(int n, int threads) throws Exception {
        SchedulerClient schedulerClient = client();
        CpuMeter.Snapshot before = CpuMeter.snapshot(Measure.databaseName(dataSource));
        long elapsed = Measure.parallel(executor, threads, n, index -> {
            long sequence = index;
            schedulerClient.schedule(NOOP.instance(nextId(), sequence), Instant.now());
        });
        CpuMeter.Snapshot after = CpuMeter.snapshot(Measure.databaseName(dataSource));
        return Measure.rate(n, elapsed).add("threads", threads).add("cpu", CpuMeter.between(before, after)).build();
    }

    /**
     * Schedules {@code n} no-op executions with scheduleBatch, then starts a scheduler with {@code threads} threads
     * and times from its start until the last row is gone.
     */
    public JsonObject drain(int n, int threads, boolean writing) throws Exception {
        OneTimeTask<Long> task = writing ? WRITE : NOOP;
        Probe.reset(0);
        CpuMeter.Snapshot beforeEnqueue = CpuMeter.snapshot(Measure.databaseName(dataSource));
        long[] timed = scheduleBatch(task, n);
        Scheduler scheduler = Scheduler.create(dataSource, NOOP, STAMP, WRITE)
                .threads(threads)
                .pollingInterval(POLLING_INTERVAL)
                .pollUsingLockAndFetch(0.5, 1.0)
                .schedulerName(new SchedulerName.Fixed("bench"))
                .build();
        CpuMeter.Snapshot beforeStart = CpuMeter.snapshot(Measure.databaseName(dataSource));
        long start = System.nanoTime();
        scheduler.start();
        try {
            Measure.awaitRuns(n, Measure.DRAIN_TIMEOUT);
            long ran = System.nanoTime();
            Measure.awaitNoRow(dataSource, "SELECT 1 FROM scheduled_tasks WHERE task_name = ? LIMIT 1", task.getName(),
                    Duration.ofMinutes(2));
            long end = System.nanoTime();
            CpuMeter.Snapshot drained = CpuMeter.snapshot(Measure.databaseName(dataSource));
            return Measure.rate(n, end - start)
                    .add("concurrency", threads)
                    .add("effects", BenchEffects.count(dataSource))
                    .add("lastRunToEmptyMillis", (end - ran) / 1e6)
                    .add("cpu", CpuMeter.between(beforeStart, drained))
                    .add("enqueue", Measure.rate(n, timed[2] - timed[0]).add("commitSeconds", (timed[2] - timed[1]) / 1e9)
                            .add("cpu", CpuMeter.between(beforeEnqueue, beforeStart)))
                    .build();
        } finally {
            scheduler.stop();
        }
    }

    /**
     * A scheduler with 4 threads and immediate execution (db-scheduler's counterpart of taskq's wake-up on
     * commit) gets one stamped execution every {@code 1/rate} seconds for {@code seconds}, each scheduled
     * through the scheduler itself in its own auto-committed insert.
     */
    public JsonObject latency(int rate, int seconds) throws Exception {
        int count = rate * seconds;
        long period = 1_000_000_000L / rate;
        Scheduler scheduler = Scheduler.create(dataSource, NOOP, STAMP, WRITE)
                .threads(4)
                .pollingInterval(POLLING_INTERVAL)
                .pollUsingLockAndFetch(0.5, 1.0)
                .enableImmediateExecution()
                .schedulerName(new SchedulerName.Fixed("bench-latency"))
                .build();
        scheduler.start();
        try {
            Thread.sleep(1500); // its first poll is over: the node is idle
            Probe.reset(count);
            long first = System.nanoTime() + 50_000_000L;
            for (int i = 0; i < count; i++) {
                Measure.sleepUntil(first + i * period);
                long enqueued = System.nanoTime();
                scheduler.schedule(STAMP.instance(nextId(), enqueued), Instant.now());
            }
            long sent = System.nanoTime();
            Measure.awaitLatencies(count, Duration.ofMinutes(2));
            return Measure.percentiles(Probe.sortedLatencies())
                    .add("rate", rate)
                    .add("achievedRate", count / ((sent - first) / 1e9))
                    .build();
        } finally {
            scheduler.stop();
        }
    }

    /** @return nanoTime of: the first instance built, scheduleBatch returned (commit begins), commit returned */
    private long[] scheduleBatch(OneTimeTask<Long> task, int n) throws Exception {
        SchedulerClient schedulerClient = client();
        transaction.setTransactionTimeout((int) Duration.ofHours(1).toSeconds());
        transaction.begin();
        long started = System.nanoTime();
        try {
            List<TaskInstance<?>> instances = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                instances.add(task.instance(nextId(), (long) i));
            }
            schedulerClient.scheduleBatch(instances, Instant.now());
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        } finally {
            transaction.setTransactionTimeout(0);
        }
        long scheduled = System.nanoTime();
        transaction.commit();
        return new long[] {started, scheduled, System.nanoTime()};
    }

    private SchedulerClient client() {
        SchedulerClient current = client;
        if (current == null) {
            current = SchedulerClient.Builder.create(dataSource, NOOP, STAMP, WRITE).build();
            client = current;
        }
        return current;
    }

    private static String nextId() {
        return "i" + IDS.incrementAndGet();
    }
}
