package dev.taskq.it.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taskq.it.harness.DatabaseOutage;
import dev.taskq.it.harness.Deployments;
import dev.taskq.it.harness.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL stops for 10 s while 2,000 tasks run, then starts again on the same port: every task ends
 * completed (effect written, row gone), failed with an error, or dirty; none vanished, none ran twice;
 * readiness is DOWN during the outage and UP after; the workers log once, live through it and resume
 * without a restart. Two tasks are held in the middle of their transaction across the stop, so the
 * outage always hits running work, whatever the timing of the quick tasks. Runs as a client, because it
 * stops the database under the server's feet.
 *
 * <p>Runs on both servers, Hibernate and EclipseLink, like the rest of the suite: what it tests is mostly
 * the worker, taskq's JDBC statements and Liberty's connection pool, but the tasks write their effects
 * through the JPA provider. It leaves the database running and the pool recovered, so the tests after it
 * are not affected.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseOutageIT {

    private static final int TASKS = 2_000;
    /** Tasks held running across the stop, each in its own slot. */
    private static final int HELD = 2;
    /** The held tasks' slots and four for the others. */
    private static final int CONCURRENCY = HELD + 4;
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final String DIRTY_AFTER = "3 seconds";
    private static final Pattern COUNT = Pattern.compile("\"(failed|dirty|active|pending|future)\"\\s*:\\s*(\\d+)");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("outage-it", Map.of(
                        "taskq.concurrency", Integer.toString(CONCURRENCY),
                        "taskq.poll-interval", "100ms",
                        "taskq.heartbeat-interval", "200ms",
                        "taskq.dirty-after", "3s"),
                OutageTasks.class, OutageServlet.class);
    }

    /** Lets the held tasks end, should the test have failed before it did so itself. */
    @AfterEach
    void releaseHeldTasks() throws IOException {
        release();
    }

    @Test
    void readinessShowsTheFiveCountsIsDownWhilePostgreSQLIsStoppedAndUpAgainAfter() throws Exception {
        DatabaseOutage outage = embeddedDatabase();
        long logStart = Files.size(messagesLog());
        within(Duration.ofSeconds(30)).until(() -> status("/health/ready") == 200);
        assertThat(counts(body("/health/ready"))).containsOnlyKeys("failed", "dirty", "active", "pending", "future");
        try {
            outage.stop();
            within(Duration.ofSeconds(10)).until(() -> status("/health/ready") == 503);
            assertThat(body("/health/ready")).contains("\"taskq\"", "\"DOWN\"", "Could not count the tasks");
            assertThat(status("/health/live")).as("liveness while the database is stopped").isEqualTo(200);
        } finally {
            outage.start();
        }
        within(Duration.ofSeconds(60)).until(() -> status("/health/ready") == 200);
        assertThat(counts(body("/health/ready"))).containsOnlyKeys("failed", "dirty", "active", "pending", "future");
        assertThat(status("/health/live")).isEqualTo(200);
        // the idle worker found the database again too: nothing of this outage is left for the next test
        within(Duration.ofSeconds(60))
                .until(() -> occurrences(logSince(logStart), "taskq worker for queue 'default' reaches the database again") == 1);
    }

    @Test
    void tasksSurviveTenSecondsWithoutPostgreSQLAndWorkResumesWithoutARestart() throws Exception {
        DatabaseOutage outage = embeddedDatabase();
        execute("DELETE FROM taskq_task");
        execute("DELETE FROM it_effect");
        long logStart = Files.size(messagesLog());
        Map<UUID, String> held = enqueue("hold", HELD);
        within(Duration.ofSeconds(60)).until(() -> body("/outage-it/outage?holding").equals(Integer.toString(HELD)));
        Map<UUID, String> keys = new HashMap<>(enqueue("work", TASKS));
        keys.putAll(held);

        within(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM it_effect") >= 100);
        assertThat(status("/health/ready")).isEqualTo(200);
        assertThat(counts(body("/health/ready"))).containsOnlyKeys("failed", "dirty", "active", "pending", "future");
        long effectsBefore = count("SELECT count(*) FROM it_effect");
        assertThat(count("SELECT count(*) FROM taskq_task WHERE NOT started")).as("tasks left for after the outage").isGreaterThan(100);

        long stoppedAt = System.nanoTime();
        try {
            outage.stop();
            within(OUTAGE).until(() -> status("/health/ready") == 503);
            Thread.sleep(Math.max(0, Duration.ofNanos(stoppedAt + OUTAGE.toNanos() - System.nanoTime()).toMillis())); // the outage itself
            assertThat(status("/health/live")).as("liveness during the outage").isEqualTo(200);
        } finally {
            outage.start();
        }
        long effectsAtRestart = count("SELECT count(*) FROM it_effect");
        // the held tasks go on with a transaction whose database session the stop ended
        release();

        within(Duration.ofSeconds(60)).until(() -> status("/health/ready") == 200);
        assertThat(counts(body("/health/ready"))).containsOnlyKeys("failed", "dirty", "active", "pending", "future");
        // settled: nothing waiting, nothing running; what is left is failed or dirty
        within(Duration.ofSeconds(120)).until(() -> count("SELECT count(*) FROM taskq_task WHERE NOT failed AND (NOT started"
                + " OR alive_at > now() - interval '" + DIRTY_AFTER + "')") == 0);
        assertThat(count("SELECT count(*) FROM it_effect")).as("work resumed after the restart").isGreaterThan(effectsAtRestart);
        assertThat(status("/health/live")).as("liveness after the outage").isEqualTo(200);

        Set<String> effects = strings("SELECT id FROM it_effect");
        Map<UUID, String> rows = rows();
        long completed = 0;
        long failed = 0;
        long dirty = 0;
        for (Map.Entry<UUID, String> task : keys.entrySet()) {
            String row = rows.get(task.getKey());
            boolean effect = effects.contains(task.getValue());
            if (row == null) {
                assertThat(effect).as("task %s (%s) is gone, so its effect must be there", task.getKey(), task.getValue()).isTrue();
                completed++;
            } else {
                assertThat(effect).as("task %s (%s) is %s, so its work must have been rolled back", task.getKey(), task.getValue(), row)
                        .isFalse();
                if (row.startsWith("failed")) {
                    assertThat(row).as("the error of failed task %s", task.getKey()).matches("failed: \\S.*");
                    failed++;
                } else {
                    assertThat(row).isEqualTo("dirty");
                    dirty++;
                }
            }
        }
        assertThat(completed + failed + dirty).isEqualTo(TASKS + HELD);
        // the stop ended the session of each held task's transaction, effect already written: it cannot have completed
        held.forEach((id, key) -> assertThat(rows.get(id)).as("held task %s (%s), in flight across the stop", id, key)
                .isNotNull().matches("failed: \\S.*|dirty"));
        // only tasks in flight when the database went away can be affected: at most a worker's slots, twice to be safe
        assertThat(failed + dirty).as("failed and dirty tasks").isBetween((long) HELD, 2L * CONCURRENCY);
        assertThat(effects).as("no effect without its task").hasSize((int) completed);
        assertThat(body("/outage-it/outage")).as("tasks the queue started more than once").isBlank();

        String log = logSince(logStart);
        assertThat(occurrences(log, "taskq worker for queue 'default' cannot claim tasks")).as("claim loop warnings").isEqualTo(1);
        assertThat(occurrences(log, "taskq worker for queue 'default' reaches the database again")).as("claim loop recoveries")
                .isEqualTo(1);
        assertThat(occurrences(log, "Could not record the outcome of task")).as("warnings about tasks in flight")
                .isLessThanOrEqualTo(failed + dirty);
        assertThat(occurrences(log, "The heartbeat keeps trying")).as("heartbeat warnings").isLessThanOrEqualTo(1);
        assertThat(occurrences(log, "taskq cannot look for dirty tasks")).as("dirty-task timer warnings").isLessThanOrEqualTo(1);
        System.out.printf("database outage: %d effects before the stop, %d at the restart; %d completed, %d failed, %d dirty%n",
                effectsBefore, effectsAtRestart, completed, failed, dirty);
    }

    private static DatabaseOutage embeddedDatabase() {
        DatabaseOutage outage = DatabaseOutage.ofCurrentDatabase();
        assumeTrue(outage != null, "TASKQ_IT_DB_HOST points the tests at an external PostgreSQL, which this test cannot stop"
                + " and start again; unset it to run the database outage tests on the embedded PostgreSQL");
        return outage;
    }

    /** Enqueues {@code count} tasks of OutageTasks' method {@code task}. @return their keys by task id */
    private static Map<UUID, String> enqueue(String task, int count) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url("/outage-it/outage?task=" + task + "&count=" + count).openConnection();
        connection.setRequestMethod("POST");
        Map<UUID, String> keys = new HashMap<>();
        try (InputStream body = connection.getInputStream()) {
            new String(body.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(line -> {
                String[] parts = line.split(" ");
                keys.put(UUID.fromString(parts[0]), parts[1]);
            });
        } finally {
            connection.disconnect();
        }
        assertThat(keys).hasSize(count);
        return keys;
    }

    private static void release() throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url("/outage-it/outage?release").openConnection();
        connection.setRequestMethod("POST");
        try {
            assertThat(connection.getResponseCode()).as("releasing the held tasks").isEqualTo(200);
        } finally {
            connection.disconnect();
        }
    }

    /** Each remaining row as "failed: error line" or "dirty" (started, not failed); the test calls it once all is settled. */
    private static Map<UUID, String> rows() throws SQLException {
        Map<UUID, String> rows = new HashMap<>();
        try (Connection connection = TestDatabase.current().connect();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT id, started, failed, error FROM taskq_task")) {
            while (result.next()) {
                String state = result.getBoolean("failed") ? "failed: " + result.getString("error")
                        : result.getBoolean("started") ? "dirty" : "waiting";
                rows.put(result.getObject("id", UUID.class), state);
            }
        }
        return rows;
    }

    private static Map<String, Long> counts(String health) {
        Map<String, Long> counts = new HashMap<>();
        Matcher matcher = COUNT.matcher(health);
        while (matcher.find()) {
            counts.put(matcher.group(1), Long.parseLong(matcher.group(2)));
        }
        return counts;
    }

    private static int status(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url(path).openConnection();
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    private static String body(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url(path).openConnection();
        try (InputStream body = connection.getResponseCode() < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }

    private static URL url(String path) throws IOException {
        return new URL("http://localhost:" + System.getProperty("taskq.it.http.port", "9580") + path);
    }

    private static Path messagesLog() {
        return Path.of(System.getProperty("taskq.it.server.dir"), "logs", "messages.log");
    }

    private static String logSince(long position) throws IOException {
        return Files.readString(messagesLog()).substring((int) position);
    }

    private static long occurrences(String text, String part) {
        return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }

    private static ConditionFactory within(Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).ignoreExceptions();
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = TestDatabase.current().connect();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Set<String> strings(String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Connection connection = TestDatabase.current().connect();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = TestDatabase.current().connect();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
