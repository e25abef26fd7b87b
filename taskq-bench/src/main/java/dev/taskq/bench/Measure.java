package dev.taskq.bench;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** Timing helpers shared by the workloads of both systems. */
final class Measure {

    static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(15);

    private Measure() {
    }

    /** Waits until {@link Probe#runs()} reaches {@code expected}. */
    static void awaitRuns(long expected, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Probe.runs() < expected) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("only " + Probe.runs() + " of " + expected + " tasks ran within " + timeout);
            }
            Thread.sleep(1);
        }
    }

    /** Waits until {@link Probe#latencyCount()} reaches {@code expected}. */
    static void awaitLatencies(int expected, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Probe.latencyCount() < expected) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("only " + Probe.latencyCount() + " of " + expected + " stamped tasks started within " + timeout);
            }
            Thread.sleep(5);
        }
    }

    /** Waits until {@code existsSql} (one text bind) finds no row: the last completion has committed. */
    static void awaitNoRow(DataSource dataSource, String existsSql, String bind, Duration timeout)
            throws SQLException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement exists = connection.prepareStatement(existsSql)) {
            exists.setString(1, bind);
            while (true) {
                try (ResultSet rows = exists.executeQuery()) {
                    if (!rows.next()) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("rows are still there after " + timeout + ": " + existsSql + " [" + bind + "]");
                }
                Thread.sleep(2);
            }
        }
    }

    interface Call {
        void run(int index) throws Exception;
    }

    /**
     * Runs {@code call} for indexes 0..n-1 on {@code threads} managed threads, each taking the next index.
     *
     * @return the elapsed nanoseconds from the start of the first call to the end of the last
     */
    static long parallel(ManagedExecutorService executor, int threads, int n, Call call) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            futures.add(executor.submit(() -> {
                int index;
                while ((index = next.getAndIncrement()) < n) {
                    call.run(index);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        return System.nanoTime() - start;
    }

    /** count, elapsed and rate of a timed run. */
    static JsonObjectBuilder rate(long count, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        return Json.createObjectBuilder()
                .add("count", count)
                .add("seconds", seconds)
                .add("perSecond", count / seconds)
                .add("microsPerItem", elapsedNanos / 1e3 / count);
    }

    /** p50, p99, max and mean of latencies in milliseconds. */
    static JsonObjectBuilder percentiles(long[] sortedNanos) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("count", sortedNanos.length);
        if (sortedNanos.length == 0) {
            return json;
        }
        double sum = 0;
        for (long value : sortedNanos) {
            sum += value;
        }
        return json.add("p50Ms", at(sortedNanos, 0.50) / 1e6)
                .add("p90Ms", at(sortedNanos, 0.90) / 1e6)
                .add("p99Ms", at(sortedNanos, 0.99) / 1e6)
                .add("maxMs", sortedNanos[sortedNanos.length - 1] / 1e6)
                .add("minMs", sortedNanos[0] / 1e6)
                .add("meanMs", sum / sortedNanos.length / 1e6);
    }

    /** The nearest-rank percentile. */
    private static long at(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Sleeps until {@code deadlineNanos} (System.nanoTime), without drifting. */
    static void sleepUntil(long deadlineNanos) throws InterruptedException {
        long remaining;
        while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
            if (remaining > 2_000_000) {
                Thread.sleep((remaining - 1_000_000) / 1_000_000);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    private static volatile String database;

    /** The name of the database the data source points at (the run's own). */
    static String databaseName(DataSource dataSource) throws SQLException {
        String name = database;
        if (name == null) {
            try (Connection connection = dataSource.getConnection()) {
                name = connection.getCatalog();
            }
            database = name;
        }
        return name;
    }

    /** Live threads of Liberty's default executor, which runs taskq's workers. */
    static int libertyExecutorThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("Default Executor-thread")).count();
    }
}
