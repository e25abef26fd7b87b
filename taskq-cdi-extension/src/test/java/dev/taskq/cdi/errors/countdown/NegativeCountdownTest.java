package dev.taskq.cdi.errors.countdown;

import static dev.taskq.cdi.Deployments.deploymentFailure;
import static dev.taskq.cdi.Deployments.fullText;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.spi.DefinitionException;
import org.junit.jupiter.api.Test;

class NegativeCountdownTest {

    @Test
    void shouldRejectNegativeCountdown() {
        Throwable failure = deploymentFailure(NegativeCountdownBean.class);

        assertThat(failure).isInstanceOf(DefinitionException.class);
        assertThat(fullText(failure))
                .contains("TASKQ01005: Invalid @Task on " + NegativeCountdownBean.class.getName() + ".sync")
                .contains("@Task.countdown must be >= 0 seconds, was -1");
    }
}
