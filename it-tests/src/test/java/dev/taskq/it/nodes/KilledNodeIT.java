package dev.taskq.it.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.it.harness.LibertyNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node's JVM is killed with SIGKILL while it runs a long task: no shutdown, no last word. The
 * other node (the Arquillian-managed server, working the same queue) reports the task dirty through
 * its health check and never runs it again. The test runs as a client and reads the database over JDBC.
 */
@ExtendWith(ArquillianExtension.class)
class KilledNodeIT {

    private static final Duration DIRTY_AFTER = Duration.ofSeconds(3);
    /** DirtyTaskTimer's period: its warning comes at most this long after the task turned dirty. */
    private static final Duration TIMER_PERIOD = Duration.ofSeconds(5);
    private static final Map<String, String> CONFIG = Map.of(
            "taskq.dirty-after", DIRTY_AFTER.toSeconds() + "s",
            "taskq.heartbeat-interval", "500ms",
            "taskq.poll-interval", "50ms");
    private static final Duration TASK_DURATION = Duration.ofMinutes(10);
    private static final String KEY = "blocked-" + UUID.randomUUID();

    private static final LibertyNode doomed = LibertyNode.secondServer();

    /** Deployed once the doomed node runs the task, so that only that node can have claimed it. */
    @Deployment(name = "survivor", managed = false, testable = false)
    static WebArchive survivor() {
        return Nodes.war("survivor", CONFIG);
    }

    @ArquillianResource
    Deployer deployer;

    @AfterAll
    static void killDoomedNode() {
        doomed.close();
    }

    @Test
    void aTaskOfAKilledNodeTurnsDirtyAndIsNeverRunAgain() throws Exception {
        doomed.start(Nodes.war("doomed", CONFIG));
        Rows.clear();
        // it blocks far longer than the test runs (the issue asks for 60 s; deploying the survivor alone took
        // that long on a loaded machine): only the kill ends it
        UUID task = UUID.fromString(Http.post(doomed.url("/" + Nodes.CONTEXT + "/enqueue/block?key=" + KEY + "&millis="
                + TASK_DURATION.toMillis())));
        Awaitility.await("task started on the doomed node").atMost(Duration.ofSeconds(60))
                .until(() -> starts() == 1 && "doomed".equals(node(task)));

        Path survivorLog = Nodes.managedServerLog();
        long survivorLogStart = Nodes.size(survivorLog);
        deployer.deploy("survivor");
        try {
            String survivor = Nodes.managedServer();
            // the doomed node's heartbeat keeps it active while the JVM lives
            Awaitility.await("task active on the survivor's health").atMost(Duration.ofSeconds(60))
                    .until(() -> Http.taskqCount(survivor, "active") == 1 && Http.taskqCount(survivor, "dirty") == 0);
            assertThat(doomed.command()).as("the process killed is the server's JVM")
                    .hasValueSatisfying(command -> assertThat(Path.of(command).getFileName().toString()).isEqualTo("java"));

            doomed.kill();
            long killed = System.nanoTime();

            Awaitility.await("health reports the task dirty within dirty-after plus one timer period")
                    .atMost(DIRTY_AFTER.plus(TIMER_PERIOD)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Http.taskqCount(survivor, "dirty") == 1);
            Duration dirtyAfterKill = Duration.ofNanos(System.nanoTime() - killed);
            System.out.printf("KilledNodeIT: health reported the task dirty %.1f s after SIGKILL%n", dirtyAfterKill.toMillis() / 1000.0);

            Awaitility.await("the survivor warns about the dirty task").atMost(TIMER_PERIOD.multipliedBy(3))
                    .until(() -> Nodes.logSince(survivorLog, survivorLogStart).lines()
                            .anyMatch(line -> line.contains(task.toString()) && line.contains("node doomed")));

            // the survivor works the same queue every 50 ms: the row stays as the dead node left it, unrun
            Awaitility.await("the dirty task left alone").during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(30))
                    .until(() -> "doomed".equals(node(task)) && starts() == 1 && completions() == 0
                            && Http.taskqCount(survivor, "dirty") == 1);
            assertThat(Rows.count("SELECT count(*) FROM taskq_task WHERE id = ? AND started AND NOT failed", task)).isEqualTo(1);
        } finally {
            deployer.undeploy("survivor");
            Rows.clear();
        }
    }

    private static long starts() throws Exception {
        return Rows.count("SELECT count(*) FROM it_effect WHERE id LIKE ?", "started:" + KEY + ":%");
    }

    private static long completions() throws Exception {
        return Rows.count("SELECT count(*) FROM it_effect WHERE id LIKE ?", "finished:" + KEY + ":%");
    }

    /** The node that holds the started task, or null. */
    private static String node(UUID task) throws Exception {
        return Rows.text("SELECT node FROM taskq_task WHERE id = ? AND started", task).orElse(null);
    }
}
