package dev.taskq.it.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.taskq.it.support.Eventually.eventually;
import static dev.taskq.it.support.Eventually.within;

import dev.taskq.it.harness.Deployments;
import dev.taskq.it.support.CountingTasks;
import dev.taskq.it.support.InContainerTest;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With several workers claiming at once, each task runs exactly once. */
@ExtendWith(ArquillianExtension.class)
class ExactlyOnceIT extends InContainerTest {

    private static final int TASKS = 200;

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("exactly-once", Map.of("taskq.concurrency", "4", "taskq.poll-interval", "50ms"),
                ExactlyOnceIT.class, CountingTasks.class);
    }

    @Inject
    UserTransaction transaction;

    @Test
    void twoHundredTasksAtConcurrencyFourEachRunOnce() throws Exception {
        transaction.begin();
        for (int number = 0; number < TASKS; number++) {
            int n = number;
            tasks.enqueue(CountingTasks.class, counting -> counting.count(n));
        }
        transaction.commit();

        within(Duration.ofSeconds(90)).until(() -> table.tasks() == 0);
        assertThat(table.effects("CountingTasks.count")).isEqualTo(TASKS);
        assertThat(CountingTasks.RUNS).containsOnlyKeys(IntStream.range(0, TASKS).boxed().toList());
        assertThat(CountingTasks.RUNS.values()).allMatch(runs -> runs == 1);
    }
}
