package dev.taskq.bench;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time spent by this server's JVM and by the PostgreSQL backends of the benchmark's database
 * (read from Linux's /proc), between two snapshots. On a shared 2-core machine, CPU per task is a
 * steadier measure of cost than wall-clock throughput, which other processes disturb.
 */
final class CpuMeter {

    /** Linux's USER_HZ: /proc reports CPU time in ticks of 10 ms. */
    private static final double MILLIS_PER_TICK = 10.0;
    private static final Path PROC = Path.of("/proc");

    private CpuMeter() {
    }

    record Snapshot(long jvmTicks, Map<Long, Long> backendTicks) {
    }

    /** @param database the name of the benchmark's database, as its backends show it in their process title */
    static Snapshot snapshot(String database) {
        if (!Files.isDirectory(PROC)) {
            return new Snapshot(-1, Map.of());
        }
        Map<Long, Long> backends = new HashMap<>();
        String marker = " " + database + " ";
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, entry -> entry.getFileName().toString().matches("\\d+"))) {
            for (Path process : processes) {
                try {
                    String title = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
                    // "postgres: <user> <database> <client> <state>"; autovacuum workers, which come and go, are left out
                    if (title.startsWith("postgres: ") && title.contains(marker) && !title.contains("autovacuum")) {
                        backends.put(Long.parseLong(process.getFileName().toString()), ticks(process));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return new Snapshot(-1, Map.of());
        }
        long jvm;
        try {
            jvm = ticks(PROC.resolve("self"));
        } catch (IOException e) {
            jvm = -1;
        }
        return new Snapshot(jvm, backends);
    }

    /** libertyMs and postgresMs spent between the two snapshots. */
    static JsonObjectBuilder between(Snapshot before, Snapshot after) {
        if (before.jvmTicks() < 0 || after.jvmTicks() < 0) {
            return Json.createObjectBuilder();
        }
        long backends = 0;
        for (Map.Entry<Long, Long> entry : after.backendTicks().entrySet()) {
            backends += entry.getValue() - before.backendTicks().getOrDefault(entry.getKey(), 0L);
        }
        return Json.createObjectBuilder()
                .add("libertyMs", (after.jvmTicks() - before.jvmTicks()) * MILLIS_PER_TICK)
                .add("postgresMs", backends * MILLIS_PER_TICK);
    }

    /** utime + stime of a process, in ticks. */
    private static long ticks(Path process) throws IOException {
        String stat = Files.readString(process.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
