package dev.taskq.cdi.errors.backoffmax;

import static dev.taskq.cdi.Deployments.deploymentFailure;
import static dev.taskq.cdi.Deployments.fullText;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.spi.DefinitionException;
import org.junit.jupiter.api.Test;

class NegativeBackoffMaxTest {

    @Test
    void shouldRejectNegativeRetryBackoffMax() {
        Throwable failure = deploymentFailure(NegativeBackoffMaxBean.class);

        assertThat(failure).isInstanceOf(DefinitionException.class);
        assertThat(fullText(failure))
                .contains("TASKQ01005: Invalid @Task on " + NegativeBackoffMaxBean.class.getName() + ".sync")
                .contains("@Task.retryBackoffMax must be >= 0 seconds, was -1");
    }
}
