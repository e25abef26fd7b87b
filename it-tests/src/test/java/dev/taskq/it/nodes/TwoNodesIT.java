package dev.taskq.it.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.it.harness.LibertyNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Liberty servers, one database: {@code FOR UPDATE SKIP LOCKED} hands each task to exactly one
 * of them. node-a is the Arquillian-managed server, node-b a second server the test runs as a process.
 * The test runs as a client and reads the database over JDBC.
 */
@ExtendWith(ArquillianExtension.class)
class TwoNodesIT {

    private static final int TASKS = 20_000;
    private static final int PER_TRANSACTION = 2_000;
    private static final Map<String, String> CONFIG = Map.of("taskq.poll-interval", "50ms");

    private static final LibertyNode nodeB = LibertyNode.secondServer();

    @Deployment(testable = false)
    static WebArchive nodeA() {
        return Nodes.war("node-a", CONFIG);
    }

    @AfterAll
    static void stopNodeB() {
        nodeB.close();
    }

    @Test
    void twentyThousandTasksOnTwoNodesRunOnceEach() throws Exception {
        Path nodeALog = Nodes.managedServerLog();
        long nodeALogStart = Nodes.size(nodeALog);
        nodeB.start(Nodes.war("node-b", CONFIG));
        Rows.clear();

        long started = System.nanoTime();
        // enqueued half on each node, in transactions of 2,000; both work while the rest is enqueued
        for (int from = 0; from < TASKS; from += PER_TRANSACTION) {
            String node = (from / PER_TRANSACTION) % 2 == 0 ? Nodes.managedServer() : nodeB.url("");
            assertThat(Http.post(node + "/" + Nodes.CONTEXT + "/enqueue/records?from=" + from + "&count=" + PER_TRANSACTION))
                    .isEqualTo(String.valueOf(PER_TRANSACTION));
        }
        Awaitility.await("queue " + NodeTasks.QUEUE + " empty").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> Rows.count("SELECT count(*) FROM taskq_task WHERE queue = ?", NodeTasks.QUEUE) == 0);
        Duration drained = Duration.ofNanos(System.nanoTime() - started);

        Map<String, Long> effectsByNode = Rows.counts(
                "SELECT detail, count(*) FROM it_effect WHERE task = 'NodeTasks.record' GROUP BY detail ORDER BY detail");
        System.out.printf("TwoNodesIT: %,d tasks enqueued and run in %.1f s; effects by node: %s%n",
                TASKS, drained.toMillis() / 1000.0, effectsByNode);

        // the effect's primary key is the task's number: 20,000 rows are 20,000 different tasks, each run once
        assertThat(Rows.count("SELECT count(*) FROM it_effect WHERE task = 'NodeTasks.record'")).isEqualTo(TASKS);
        assertThat(Rows.count("SELECT count(*) FROM taskq_task")).as("task rows, failed ones included").isZero();
        assertThat(effectsByNode).containsOnlyKeys("node-a", "node-b");
        assertThat(effectsByNode.values()).allSatisfy(count -> assertThat(count).isPositive());
        // a task run twice would have met the first run's effect row: a duplicate key, and a failed run in the log
        for (String log : new String[] {Nodes.logSince(nodeALog, nodeALogStart), Nodes.logSince(nodeB.messagesLog(), 0)}) {
            assertThat(log).doesNotContain("duplicate key").doesNotContain("kept for inspection");
        }
    }
}
