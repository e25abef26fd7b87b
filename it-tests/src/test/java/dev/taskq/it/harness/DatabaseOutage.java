package dev.taskq.it.harness;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Stops the run's embedded PostgreSQL and starts it again on the same port and data directory, as an
 * outage does: the server's datasource keeps pointing at the same host and port. Runs {@code pg_ctl} of
 * the binaries zonky extracted, the way zonky itself does (through {@code unshare -U} when the JVM runs
 * as root, because PostgreSQL refuses to run as root). zonky has no API for a restart, so its instance
 * is read by reflection; the version is pinned in the parent POM.
 */
public final class DatabaseOutage {

    private final EmbeddedPostgres embedded;
    private boolean stopped;

    private DatabaseOutage(EmbeddedPostgres embedded) {
        this.embedded = embedded;
    }

    /** @return null when the tests run against an external PostgreSQL ({@code TASKQ_IT_DB_HOST}), which a test cannot stop */
    public static DatabaseOutage ofCurrentDatabase() {
        EmbeddedPostgres embedded = TestDatabase.current().embedded();
        return embedded == null ? null : new DatabaseOutage(embedded);
    }

    /** Stops PostgreSQL with {@code pg_ctl stop -m fast}: open sessions are terminated, new connections refused. */
    public void stop() throws IOException, InterruptedException {
        pgCtl(List.of("stop", "-m", "fast", "-t", "30", "-w"));
        stopped = true;
    }

    /**
     * Starts PostgreSQL again on the same port and data directory, with zonky's server settings; returns when
     * it accepts connections. Does nothing unless {@link #stop()} stopped it, so a test can call it in {@code finally}.
     */
    public void start() throws IOException, InterruptedException {
        if (!stopped) {
            return;
        }
        List<String> options = new ArrayList<>(List.of("-p", Integer.toString(embedded.getPort()), "-F"));
        Map<String, String> config = field("postgresConfig");
        config.forEach((key, value) -> options.add("-c " + key + "=" + value));
        pgCtl(List.of("start", "-o", String.join(" ", options), "-t", "30", "-w"));
        stopped = false;
    }

    private void pgCtl(List<String> arguments) throws IOException, InterruptedException {
        File binaries = field("pgDir");
        File data = field("dataDirectory");
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(new File(binaries, "bin/pg_ctl").getPath(), "-D", data.getPath()));
        command.addAll(arguments);
        File output = File.createTempFile("pg_ctl-", ".log");
        // pg_ctl start leaves the server running with the output as its log: a file, never a pipe nobody reads
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(command.stream().collect(Collectors.joining(" ")) + " failed: "
                    + Files.readString(output.toPath(), StandardCharsets.UTF_8));
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T field(String name) {
        try {
            Field field = EmbeddedPostgres.class.getDeclaredField(name);
            field.setAccessible(true);
            return (T) field.get(embedded);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("zonky's EmbeddedPostgres has no field " + name + " any more; adapt DatabaseOutage", e);
        }
    }
}
