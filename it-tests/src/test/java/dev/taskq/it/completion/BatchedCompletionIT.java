package dev.taskq.it.completion;

import static dev.taskq.it.support.Eventually.eventually;
import static dev.taskq.it.support.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.TaskHandle;
import dev.taskq.it.harness.Deployments;
import dev.taskq.it.support.CountingTasks;
import dev.taskq.it.support.InContainerTest;
import dev.taskq.jpa.TaskEntity;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** taskq.completion=batched: the call commits alone, finished rows go in batches; nothing runs twice, failures stay. */
@ExtendWith(ArquillianExtension.class)
class BatchedCompletionIT extends InContainerTest {

    private static final int TASKS = 500;

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("batched-completion",
                Map.of("taskq.completion", "batched", "taskq.concurrency", "8", "taskq.poll-interval", "100ms"),
                BatchedCompletionIT.class, CountingTasks.class, CompletionTasks.class);
    }


    @Test
    void fiveHundredTasksEachRunOnceAndTheTableEndsEmpty() throws Exception {
        enqueueInOneTransaction(CountingTasks.class, TASKS, n -> counting -> counting.count(n));

        within(Duration.ofSeconds(90)).until(() -> table.tasks() == 0);
        assertThat(table.effects("CountingTasks.count")).isEqualTo(TASKS);
        assertThat(CountingTasks.RUNS).containsOnlyKeys(IntStream.range(0, TASKS).boxed().toList());
        assertThat(CountingTasks.RUNS.values()).allMatch(runs -> runs == 1);
    }

    @Test
    void aFailingTaskStillEndsFailedWithItsWorkRolledBack() {
        TaskHandle handle = tasks.enqueue(CompletionTasks.class, failing -> failing.writeThenFail("bob"));

        eventually().until(() -> table.task(handle.id()).map(TaskEntity::isFailed).orElse(false));
        TaskEntity row = table.task(handle.id()).orElseThrow();
        assertThat(row.getError()).isEqualTo("java.lang.IllegalStateException: refused bob");
        assertThat(row.getTraceback()).contains("at dev.taskq.it.completion.CompletionTasks.writeThenFail");
        assertThat(table.effect("batched-fail:bob")).isEmpty();
    }
}
