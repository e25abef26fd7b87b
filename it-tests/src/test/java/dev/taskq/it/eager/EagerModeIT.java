package dev.taskq.it.eager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.TaskHandle;
import dev.taskq.it.harness.Deployments;
import dev.taskq.it.support.CapturedLog;
import dev.taskq.it.support.InContainerTest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** taskq.eager=true (Celery's task_always_eager): the call runs at once, through the real bean. */
@ExtendWith(ArquillianExtension.class)
class EagerModeIT extends InContainerTest {

    private static final String TASK_INVOKER_LOGGER = "dev.taskq.cdi.internal.TaskInvoker";

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("eager", Map.of("taskq.eager", "true"),
                        EagerModeIT.class, EagerTasks.class, Audited.class, AuditInterceptor.class, CapturedLog.class);
    }

    @BeforeEach
    void forgetEarlierRuns() {
        AuditInterceptor.CALLS.clear();
        EagerTasks.RAN_IN.set(null);
    }

    @Test
    void runsAtOnceThroughInterceptorsAndReturnsTheResultWithoutARow() {
        TaskHandle handle = tasks.enqueue(EagerTasks.class, t -> t.add(2, 3));

        assertThat(handle.result()).contains(5);
        assertThat(AuditInterceptor.CALLS).containsExactly("add");
        assertThat(EagerTasks.RAN_IN.get()).as("the thread the task ran in").isSameAs(Thread.currentThread());
        assertThat(table.tasks()).isZero();
        assertThat(handle.revoke()).isFalse();
    }

    @Test
    void swallowsTheExceptionWhenItDoesNotPropagateAndLogsIt() {
        TaskHandle handle;
        List<LogRecord> warnings;
        try (CapturedLog log = CapturedLog.of(TASK_INVOKER_LOGGER)) {
            handle = tasks.enqueue(EagerTasks.class, t -> t.explode("quietly"));
            warnings = log.at(Level.WARNING, "EagerTasks.explode");
        }

        assertThat(handle.result()).isEmpty();
        assertThat(AuditInterceptor.CALLS).as("the task ran").containsExactly("explode");
        assertThat(EagerTasks.RAN_IN.get()).as("the thread the task ran in").isSameAs(Thread.currentThread());
        assertThat(warnings).singleElement().satisfies(warning -> assertThat(warning.getThrown())
                .isExactlyInstanceOf(IOException.class).hasMessage("exploded: quietly"));
        assertThat(table.tasks()).isZero();
    }
}
