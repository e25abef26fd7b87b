package dev.taskq.it.queues;

import static dev.taskq.it.support.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.TaskHandle;
import dev.taskq.TaskOptions;
import dev.taskq.it.harness.Deployments;
import dev.taskq.it.support.InContainerTest;
import dev.taskq.jpa.TaskEntity;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A node works only on the queues in taskq.queues. */
@ExtendWith(ArquillianExtension.class)
class QueueIsolationIT extends InContainerTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("queues", Map.of("taskq.queues", "a", "taskq.poll-interval", "100ms"),
                QueueIsolationIT.class, QueueTasks.class);
    }

    @Test
    void nodeOfQueueANeverRunsATaskOfQueueB() {
        // enqueued first, so due first: a worker that took queue b would take these before the last one
        TaskHandle declaredOnB = tasks.enqueue(QueueTasks.class, q -> q.onB("declared-b"));
        TaskHandle movedToB = tasks.enqueue(QueueTasks.class, q -> q.onA("moved-b"), TaskOptions.defaults().queue("b"));
        tasks.enqueue(QueueTasks.class, q -> q.onA("on-a"));

        within(Duration.ofSeconds(30)).until(() -> QueueTasks.RAN.contains("on-a"));
        // A worker of queue b could still take its tasks right after: watch them for 20 poll intervals.
        within(Duration.ofSeconds(10)).during(Duration.ofSeconds(2))
                .until(() -> unstarted(declaredOnB) && unstarted(movedToB) && QueueTasks.RAN.equals(Set.of("on-a")));
        assertThat(QueueTasks.RAN).containsExactly("on-a");
        assertThat(table.task(declaredOnB.id())).hasValueSatisfying(row -> {
            assertThat(row.getQueue()).isEqualTo("b");
            assertThat(row.isStarted()).isFalse();
        });
        assertThat(table.task(movedToB.id())).map(TaskEntity::isStarted).contains(false);
    }

    private boolean unstarted(TaskHandle handle) {
        return table.task(handle.id()).map(row -> !row.isStarted()).orElse(false);
    }
}
