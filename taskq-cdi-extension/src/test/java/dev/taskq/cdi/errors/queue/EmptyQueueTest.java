package dev.taskq.cdi.errors.queue;

import static dev.taskq.cdi.Deployments.deploymentFailure;
import static dev.taskq.cdi.Deployments.fullText;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.spi.DefinitionException;
import org.junit.jupiter.api.Test;

class EmptyQueueTest {

    @Test
    void shouldRejectAnEmptyQueueName() {
        Throwable failure = deploymentFailure(EmptyQueueBean.class);

        assertThat(failure).isInstanceOf(DefinitionException.class);
        assertThat(fullText(failure))
                .contains("TASKQ01005: Invalid @Task on " + EmptyQueueBean.class.getName() + ".sync")
                .contains("@Task.queue must not be empty, was ''");
    }
}
