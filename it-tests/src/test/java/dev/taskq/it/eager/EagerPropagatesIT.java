package dev.taskq.it.eager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskq.TaskQueue;
import dev.taskq.it.harness.Deployments;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** taskq.eager.propagates=true (Celery's task_eager_propagates): the task's exception reaches the caller unchanged. */
@ExtendWith(ArquillianExtension.class)
class EagerPropagatesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("eager-propagates", Map.of("taskq.eager", "true", "taskq.eager.propagates", "true"),
                EagerPropagatesIT.class, EagerTasks.class, Audited.class, AuditInterceptor.class);
    }

    @Inject
    TaskQueue tasks;

    @Test
    void theCheckedExceptionReachesTheCallerUnchanged() {
        AuditInterceptor.CALLS.clear();
        EagerTasks.RAN_IN.set(null);

        assertThatThrownBy(() -> tasks.enqueue(EagerTasks.class, t -> t.explode("loudly")))
                .isExactlyInstanceOf(IOException.class)
                .hasMessage("exploded: loudly");
        assertThat(AuditInterceptor.CALLS).containsExactly("explode");
        assertThat(EagerTasks.RAN_IN.get()).as("the thread the task ran in").isSameAs(Thread.currentThread());
    }
}
