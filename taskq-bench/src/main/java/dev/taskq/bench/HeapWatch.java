package dev.taskq.bench;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Shows that a worker never loads the backlog: seeds {@code n} due no-op tasks with one SQL statement, lets the
 * node drain them (queue b32), and samples the heap after a full collection every 5 seconds meanwhile.
 */
@ApplicationScoped
public class HeapWatch {

    private static final long MB = 1024 * 1024;
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    public JsonObject drainSeeded(int n) throws Exception {
        Probe.reset(0);
        long before = usedAfterGc();
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement seed = connection.prepareStatement("""
                     INSERT INTO taskq_task (id, name, queue, args, created_at, execute_at)
                     SELECT gen_random_uuid(), 'bench.noop', 'b32', '[' || g || ']', now(), now()
                     FROM generate_series(1, ?) AS g""")) {
            seed.setInt(1, n);
            seed.executeUpdate();
        }
        double seedSeconds = (System.nanoTime() - start) / 1e9;
        JsonArrayBuilder samples = Json.createArrayBuilder();
        long highest = 0;
        long drainStart = System.nanoTime();
        long deadline = drainStart + Duration.ofMinutes(30).toNanos();
        long nextSample = drainStart + SAMPLE_EVERY.toNanos();
        while (Probe.runs() < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + Probe.runs() + " of " + n + " seeded tasks ran within 30 minutes");
            }
            Thread.sleep(20);
            if (System.nanoTime() >= nextSample) {
                nextSample += SAMPLE_EVERY.toNanos();
                long used = usedAfterGc();
                highest = Math.max(highest, used);
                samples.add(Json.createObjectBuilder().add("seconds", (System.nanoTime() - drainStart) / 1e9)
                        .add("ran", Probe.runs()).add("usedAfterGcMb", used / (double) MB));
            }
        }
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        return Json.createObjectBuilder()
                .add("count", n)
                .add("seedSeconds", seedSeconds)
                .add("seconds", drainSeconds)
                .add("perSecond", n / drainSeconds)
                .add("usedAfterGcBeforeMb", before / (double) MB)
                .add("usedAfterGcHighestMb", highest / (double) MB)
                .add("usedAfterGcAfterMb", usedAfterGc() / (double) MB)
                .add("samples", samples)
                .build();
    }

    /** Heap in use right after a full collection: live data, not garbage waiting (a pause of some ms every 5 s). */
    private static long usedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
