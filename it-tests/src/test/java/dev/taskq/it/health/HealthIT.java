package dev.taskq.it.health;

import static dev.taskq.it.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.TaskHandle;
import dev.taskq.TaskOptions;
import dev.taskq.it.harness.Deployments;
import dev.taskq.it.support.InContainerTest;
import dev.taskq.jpa.TaskEntity;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The heartbeat keeps running tasks active, dirty tasks are reported once, MicroProfile Health shows the five
 * groups and the age of the oldest pending task, and readiness turns DOWN once more tasks are dirty than
 * taskq.health.max-dirty allows.
 */
@ExtendWith(ArquillianExtension.class)
class HealthIT extends InContainerTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("health-it", Map.of(
                        "taskq.poll-interval", "50ms",
                        "taskq.heartbeat-interval", "100ms",
                        "taskq.dirty-after", "1s",
                        "taskq.health.max-dirty", "1"),
                HealthIT.class, HealthTasks.class);
    }

    @Test
    void readinessShowsTheFiveGroupsAndTheHeartbeatKeepsALongTaskActive() throws Exception {
        TaskHandle held = tasks.enqueue(HealthTasks.class, HealthTasks::hold);
        TaskHandle failed = tasks.enqueue(HealthTasks.class, HealthTasks::fail);
        tasks.enqueue(HealthTasks.class, HealthTasks::elsewhere);                       // pending: no node works "elsewhere"
        tasks.enqueue(HealthTasks.class, HealthTasks::elsewhere, TaskOptions.defaults().countdown(Duration.ofHours(1))); // future
        table.insertDirty("HealthTasks.hold", "dead-node", Instant.now().minus(Duration.ofHours(1)));

        eventually().until(() -> table.task(failed.id()).map(TaskEntity::isFailed).orElse(false));
        // alive twice as long as dirty-after: only the heartbeat can have kept it fresh
        eventually().until(() -> table.task(held.id())
                .map(row -> row.getAliveAt() != null && row.getStartedAt() != null
                        && row.getAliveAt().isAfter(row.getStartedAt().plus(Duration.ofSeconds(2))))
                .orElse(false));

        JsonObject readiness = get("/health/ready").body();
        assertThat(readiness.getString("status")).isEqualTo("UP");
        JsonObject data = check(readiness, "taskq").getJsonObject("data");
        assertThat(data.getJsonNumber("failed").longValue()).isEqualTo(1);
        assertThat(data.getJsonNumber("dirty").longValue()).isEqualTo(1);
        assertThat(data.getJsonNumber("active").longValue()).isEqualTo(1);
        assertThat(data.getJsonNumber("pending").longValue()).isEqualTo(1);
        assertThat(data.getJsonNumber("future").longValue()).isEqualTo(1);

        JsonObject liveness = get("/health/live").body();
        assertThat(check(liveness, "taskq-workers").getString("status")).isEqualTo("UP");

        HealthTasks.RELEASE.countDown();
        eventually().until(() -> table.task(held.id()).isEmpty());
    }

    @Test
    void readinessIsDownOnceMoreTasksAreDirtyThanMaxDirtyAllows() throws Exception {
        table.insertDirty("HealthTasks.hold", "dead-node", Instant.now().minus(Duration.ofHours(1)));

        Answer oneDirty = get("/health/ready");
        assertThat(oneDirty.status()).as("HTTP status with 1 dirty task, max-dirty 1").isEqualTo(200);
        JsonObject withinLimit = check(oneDirty.body(), "taskq");
        assertThat(withinLimit.getString("status")).isEqualTo("UP");
        assertThat(withinLimit.getJsonObject("data").getJsonNumber("dirty").longValue()).isEqualTo(1);
        assertThat(withinLimit.getJsonObject("data").containsKey("reason")).as("a reason while UP").isFalse();

        table.insertDirty("HealthTasks.hold", "dead-node", Instant.now().minus(Duration.ofHours(1)));

        Answer twoDirty = get("/health/ready");
        assertThat(twoDirty.status()).as("HTTP status with 2 dirty tasks, max-dirty 1").isEqualTo(503);
        JsonObject overLimit = check(twoDirty.body(), "taskq");
        assertThat(overLimit.getString("status")).isEqualTo("DOWN");
        assertThat(overLimit.getJsonObject("data").getJsonNumber("dirty").longValue()).isEqualTo(2);
        assertThat(overLimit.getJsonObject("data").getString("reason"))
                .contains("2 dirty tasks", "taskq.health.max-dirty=1", "retry or delete");
    }

    @Test
    void readinessShowsHowLongTheOldestPendingTaskHasWaited() throws Exception {
        // queue "elsewhere", which no node works: the task stays pending, due since 90 s ago
        tasks.enqueue(HealthTasks.class, HealthTasks::elsewhere, TaskOptions.defaults().eta(Instant.now().minusSeconds(90)));
        tasks.enqueue(HealthTasks.class, HealthTasks::elsewhere, TaskOptions.defaults().eta(Instant.now().minusSeconds(10)));

        JsonObject data = check(get("/health/ready").body(), "taskq").getJsonObject("data");
        assertThat(data.getJsonNumber("pending").longValue()).isEqualTo(2);
        // seconds, of the oldest: at least its 90 s, and not the younger task's 10 s nor milliseconds
        assertThat(data.getJsonNumber("oldestPendingAgeSeconds").longValue()).isBetween(90L, 150L);
    }

    @Test
    void aDirtyTaskIsReportedOnceAndNeverRunAgain() throws SQLException {
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.WARNING) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger watch = Logger.getLogger("dev.taskq.cdi.internal.DirtyTaskWatch");
        watch.addHandler(capture);
        try {
            UUID first = table.insertDirty("HealthTasks.hold", "dead-node", Instant.now().minus(Duration.ofHours(1)));
            eventually().until(() -> mentions(warnings, first) == 1);
            assertThat(warnings.get(0).getMessage())
                    .contains(first.toString(), "HealthTasks.hold", "queue default", "node dead-node", "retry or delete");

            // the next dirty task is found by a later check, which must not warn about the first again
            UUID second = table.insertDirty("HealthTasks.hold", "dead-node", Instant.now().minus(Duration.ofHours(1)));
            eventually().until(() -> mentions(warnings, second) == 1);
            assertThat(mentions(warnings, first)).isEqualTo(1);
            assertThat(table.task(first)).hasValueSatisfying(row -> {
                assertThat(row.isStarted()).isTrue();
                assertThat(row.getNode()).isEqualTo("dead-node");
            });
        } finally {
            watch.removeHandler(capture);
        }
    }

    private static long mentions(List<LogRecord> records, UUID id) {
        return records.stream().filter(record -> record.getMessage().contains(id.toString())).count();
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no health check " + name + " in " + health));
    }

    /** The HTTP status and the JSON body of one health response. */
    private record Answer(int status, JsonObject body) {
    }

    private static Answer get(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL("http://localhost:" + httpPort() + path).openConnection();
        int status = connection.getResponseCode();
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
             JsonReader reader = Json.createReader(body)) {
            return new Answer(status, reader.readObject());
        } finally {
            connection.disconnect();
        }
    }

    private static String httpPort() {
        return System.getProperty("taskq.it.http.port", "9580"); // set in the server's jvm.options by the build
    }
}
