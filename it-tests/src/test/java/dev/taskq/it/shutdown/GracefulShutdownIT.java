package dev.taskq.it.shutdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.it.harness.Deployments;
import dev.taskq.it.harness.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stopping the application waits up to taskq.shutdown-timeout for running tasks; a task still
 * running then is rolled back and left started by its node, and its heartbeat stops, so it turns
 * dirty: never silently lost.
 * Runs as a client: the application is undeployed under the test's feet.
 */
@ExtendWith(ArquillianExtension.class)
class GracefulShutdownIT {

    private static final long TASK_MILLIS = 5_000;
    private static final String IMPATIENT_NODE = "impatient-node";
    private static final Duration DIRTY_AFTER = Duration.ofSeconds(5);
    /** Three heartbeat intervals (1 s, the default): long enough for a beat that still happens to show. */
    private static final Duration SEVERAL_HEARTBEATS = Duration.ofSeconds(3);

    @Deployment(name = "patient", managed = false, testable = false)
    static WebArchive patient() {
        return Deployments.war("shutdown-patient", Map.of("taskq.shutdown-timeout", "10s", "taskq.poll-interval", "50ms"),
                SlowTasks.class, EnqueueServlet.class);
    }

    @Deployment(name = "impatient", managed = false, testable = false)
    static WebArchive impatient() {
        return Deployments.war("shutdown-impatient", Map.of("taskq.shutdown-timeout", "1s", "taskq.poll-interval", "50ms",
                        "taskq.node", IMPATIENT_NODE, "taskq.dirty-after", DIRTY_AFTER.toSeconds() + "s"),
                SlowTasks.class, EnqueueServlet.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void aTaskRunningAtUndeployFinishesWithinTheShutdownTimeout() throws Exception {
        deployer.deploy("patient");
        UUID id = enqueue("shutdown-patient", "patient-work");
        awaitStarted(id);

        deployer.undeploy("patient");

        assertThat(row(id)).as("row of the completed task").isEmpty();
        assertThat(effectExists("patient-work")).isTrue();
    }

    @Test
    void aTaskStillRunningAfterTheShutdownTimeoutIsLeftDirty() throws Exception {
        deployer.deploy("impatient");
        UUID id = enqueue("shutdown-impatient", "impatient-work");
        awaitStarted(id);

        deployer.undeploy("impatient");

        // the task would have finished by TASK_MILLIS; it must stay started, unfinished and without effect
        Awaitility.await().during(Duration.ofMillis(TASK_MILLIS + 1_000)).atMost(Duration.ofMillis(TASK_MILLIS + 5_000))
                .until(() -> row(id).equals(Optional.of("started")) && !effectExists("impatient-work"));
        // dirty by definition: no beat for longer than dirty-after, still started by the node that ran it
        Awaitility.await().atMost(DIRTY_AFTER.plusSeconds(10))
                .until(() -> lease(id).filter(lease -> lease.dirty() && lease.node().equals(IMPATIENT_NODE)).isPresent());
        // and the heartbeat has stopped for good, not merely paused: alive_at no longer moves
        Lease left = lease(id).orElseThrow();
        Awaitility.await().during(SEVERAL_HEARTBEATS).atMost(SEVERAL_HEARTBEATS.plusSeconds(5))
                .until(() -> lease(id).equals(Optional.of(left)));
        assertThat(effectExists("impatient-work")).isFalse();
    }

    private static UUID enqueue(String context, String key) throws IOException {
        URL url = new URL("http://localhost:" + System.getProperty("taskq.it.http.port", "9580") + "/" + context
                + "/enqueue?key=" + key + "&millis=" + TASK_MILLIS);
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setRequestMethod("POST");
        try (InputStream body = connection.getInputStream()) {
            return UUID.fromString(new String(body.readAllBytes(), StandardCharsets.UTF_8).strip());
        } finally {
            connection.disconnect();
        }
    }

    private static void awaitStarted(UUID id) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> row(id).equals(Optional.of("started")));
    }

    /** "started", "failed", "waiting", or empty when the row is gone. */
    private static Optional<String> row(UUID id) throws SQLException {
        try (Connection connection = TestDatabase.current().connect();
             PreparedStatement select = connection.prepareStatement("SELECT started, failed FROM taskq_task WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(rows.getBoolean("failed") ? "failed" : rows.getBoolean("started") ? "started" : "waiting");
            }
        }
    }

    /** A started, unfailed row as the heartbeat and the dirty check see it; empty when the row is gone, failed or waiting. */
    private record Lease(String node, Instant aliveAt, boolean dirty) {
    }

    private static Optional<Lease> lease(UUID id) throws SQLException {
        try (Connection connection = TestDatabase.current().connect();
             PreparedStatement select = connection.prepareStatement("SELECT node, alive_at, alive_at < now() - interval '"
                     + DIRTY_AFTER.toSeconds() + " seconds' AS dirty FROM taskq_task WHERE id = ? AND started AND NOT failed")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Lease(rows.getString("node"), rows.getObject("alive_at", OffsetDateTime.class).toInstant(),
                        rows.getBoolean("dirty")));
            }
        }
    }

    private static boolean effectExists(String key) throws SQLException {
        try (Connection connection = TestDatabase.current().connect();
             PreparedStatement select = connection.prepareStatement("SELECT 1 FROM it_effect WHERE id = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }
}
