package dev.taskq.it.concurrency;

import static dev.taskq.it.support.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.it.harness.Deployments;
import dev.taskq.it.support.InContainerTest;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With several workers claiming at once, each task runs exactly once, and no more run at once than the concurrency. */
@ExtendWith(ArquillianExtension.class)
class ExactlyOnceIT extends InContainerTest {

    private static final int TASKS = 200;
    private static final int CONCURRENCY = 4;

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("exactly-once",
                Map.of("taskq.concurrency", String.valueOf(CONCURRENCY), "taskq.poll-interval", "50ms"),
                ExactlyOnceIT.class, InFlightTasks.class);
    }


    @Test
    void twoHundredTasksAtConcurrencyFourEachRunOnce() throws Exception {
        InFlightTasks.reset();
        Set<UUID> ids = new HashSet<>(enqueueInOneTransaction(InFlightTasks.class, TASKS, n -> inFlight -> inFlight.run(n)));
        assertThat(ids).hasSize(TASKS);

        within(Duration.ofSeconds(90)).until(() -> table.tasks() == 0);
        assertThat(InFlightTasks.RUNS).containsOnlyKeys(ids);
        assertThat(InFlightTasks.RUNS.values()).allMatch(runs -> runs == 1);
        assertThat(table.effectIds(InFlightTasks.NAME))
                .containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> "run:" + id).toList());
        // Never more than the concurrency, and truly side by side. Four at once is usual, but on a
        // loaded two-core machine the runs do not always overlap that much.
        assertThat(InFlightTasks.maxInFlight()).isBetween(2, CONCURRENCY);
    }
}
