package dev.taskq.it.concurrency;

import static dev.taskq.it.support.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.it.harness.Deployments;
import dev.taskq.it.support.InContainerTest;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every task runs in a request context of its own, also when the worker's threads run tasks back to back and
 * side by side: no request-scoped bean, and no active request context, outlives its task on a server thread.
 */
@ExtendWith(ArquillianExtension.class)
class RequestContextPerTaskIT extends InContainerTest {

    private static final int TASKS = 400;

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("request-context", Map.of("taskq.concurrency", "4", "taskq.poll-interval", "50ms"),
                RequestContextPerTaskIT.class, RequestScopedTasks.class, RequestScopedTasks.Scratch.class);
    }


    @Test
    void eachOfFourHundredConcurrentTasksGetsAFreshRequestScopedBean() throws Exception {
        RequestScopedTasks.USES_SEEN.clear();
        enqueueInOneTransaction(RequestScopedTasks.class, TASKS, n -> scoped -> scoped.use(n));

        within(Duration.ofSeconds(90)).until(() -> table.tasks() == 0);
        assertThat(RequestScopedTasks.USES_SEEN).hasSize(TASKS).containsOnly(1);
    }
}
