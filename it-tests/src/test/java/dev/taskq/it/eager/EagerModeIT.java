package dev.taskq.it.eager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.TaskHandle;
import dev.taskq.it.harness.Deployments;
import dev.taskq.it.support.InContainerTest;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** taskq.eager=true (Celery's task_always_eager): the call runs at once, through the real bean. */
@ExtendWith(ArquillianExtension.class)
class EagerModeIT extends InContainerTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("eager", Map.of("taskq.eager", "true"),
                        EagerModeIT.class, EagerTasks.class, Audited.class, AuditInterceptor.class);
    }

    @Test
    void runsAtOnceThroughInterceptorsAndReturnsTheResultWithoutARow() {
        AuditInterceptor.CALLS.clear();

        TaskHandle handle = tasks.enqueue(EagerTasks.class, t -> t.add(2, 3));

        assertThat(handle.result()).contains(5);
        assertThat(AuditInterceptor.CALLS).containsExactly("add");
        assertThat(table.tasks()).isZero();
        assertThat(handle.revoke()).isFalse();
    }

    @Test
    void swallowsTheExceptionWhenItDoesNotPropagate() {
        TaskHandle handle = tasks.enqueue(EagerTasks.class, t -> t.explode("quietly"));

        assertThat(handle.result()).isEmpty();
        assertThat(table.tasks()).isZero();
    }
}
