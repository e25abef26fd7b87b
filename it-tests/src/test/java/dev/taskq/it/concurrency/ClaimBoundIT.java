package dev.taskq.it.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.it.harness.Deployments;
import dev.taskq.it.support.CountingTasks;
import dev.taskq.it.support.InContainerTest;
import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A worker holds at most twice its concurrency of claimed tasks (running ones and those claimed ahead of free
 * slots), however fast its tasks end: a node that dies leaves no more dirty tasks than that.
 */
@ExtendWith(ArquillianExtension.class)
class ClaimBoundIT extends InContainerTest {

    private static final int TASKS = 3_000;
    private static final int CONCURRENCY = 4;

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("claim-bound", Map.of("taskq.concurrency", String.valueOf(CONCURRENCY), "taskq.poll-interval", "50ms"),
                ClaimBoundIT.class, CountingTasks.class);
    }


    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Test
    void aDrainOfShortTasksNeverHoldsMoreThanTwiceTheConcurrency() throws Exception {
        CountingTasks.RUNS.clear();
        enqueueInOneTransaction(CountingTasks.class, TASKS, n -> counting -> counting.count(n));

        long most = 0;
        long samples = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement held = connection.prepareStatement("SELECT count(*) FROM taskq_task WHERE started AND NOT failed");
             PreparedStatement left = connection.prepareStatement("SELECT count(*) FROM taskq_task")) {
            while (count(left) > 0) {
                assertThat(System.nanoTime()).as("the drain ends within 120 s").isLessThan(deadline);
                most = Math.max(most, count(held));
                samples++;
            }
        }

        assertThat(CountingTasks.RUNS).hasSize(TASKS);
        assertThat(samples).as("samples of the started rows taken while the tasks ran").isGreaterThan(10);
        assertThat(most).as("most started rows at once").isBetween(1L, 2L * CONCURRENCY);
    }

    private static long count(PreparedStatement query) throws Exception {
        try (ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
