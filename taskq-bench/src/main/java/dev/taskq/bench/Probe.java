package dev.taskq.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the benchmark's tasks report, shared by both systems: how many no-op tasks ran, and the
 * enqueue-to-start latency of each stamped task. Static, because db-scheduler calls its tasks on its
 * own threads, outside CDI.
 */
public final class Probe {

    private static final AtomicLong RUNS = new AtomicLong();
    private static volatile long[] latencies = new long[0];
    private static final AtomicInteger LATENCY_COUNT = new AtomicInteger();

    private Probe() {
    }

    /** Called by every no-op task of both systems. */
    public static void ran() {
        RUNS.incrementAndGet();
    }

    /** Called by every stamped task of both systems with the {@link System#nanoTime()} taken just before its enqueue. */
    public static void started(long enqueuedNanos) {
        long latency = System.nanoTime() - enqueuedNanos;
        int index = LATENCY_COUNT.getAndIncrement();
        long[] target = latencies;
        if (index < target.length) {
            target[index] = latency;
        }
    }

    public static void reset(int expectedLatencies) {
        RUNS.set(0);
        latencies = new long[expectedLatencies];
        LATENCY_COUNT.set(0);
    }

    public static long runs() {
        return RUNS.get();
    }

    public static int latencyCount() {
        return LATENCY_COUNT.get();
    }

    /** The recorded latencies in nanoseconds, sorted. */
    public static long[] sortedLatencies() {
        long[] copy = Arrays.copyOf(latencies, Math.min(LATENCY_COUNT.get(), latencies.length));
        Arrays.sort(copy);
        return copy;
    }
}
