package dev.taskq.cdi.errors.maxretries;

import static dev.taskq.cdi.Deployments.deploymentFailure;
import static dev.taskq.cdi.Deployments.fullText;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.spi.DefinitionException;
import org.junit.jupiter.api.Test;

class NegativeMaxRetriesTest {

    @Test
    void shouldRejectMaxRetriesBelowMinusOne() {
        Throwable failure = deploymentFailure(NegativeMaxRetriesBean.class);

        assertThat(failure).isInstanceOf(DefinitionException.class);
        assertThat(fullText(failure))
                .contains("TASKQ01005: Invalid @Task on " + NegativeMaxRetriesBean.class.getName() + ".sync")
                .contains("@Task.maxRetries must be >= 0, or -1 to retry forever, was -2");
    }
}
