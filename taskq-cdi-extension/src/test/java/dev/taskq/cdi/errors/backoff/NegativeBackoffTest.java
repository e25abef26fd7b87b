package dev.taskq.cdi.errors.backoff;

import static dev.taskq.cdi.Deployments.deploymentFailure;
import static dev.taskq.cdi.Deployments.fullText;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.spi.DefinitionException;
import org.junit.jupiter.api.Test;

/** The backoff's own rule, next to its cap's: a negative retryBackoff is no "no backoff" (that is 0). */
class NegativeBackoffTest {

    @Test
    void shouldRejectNegativeRetryBackoff() {
        Throwable failure = deploymentFailure(NegativeBackoffBean.class);

        assertThat(failure).isInstanceOf(DefinitionException.class);
        assertThat(fullText(failure))
                .contains("TASKQ01005: Invalid @Task on " + NegativeBackoffBean.class.getName() + ".sync")
                .contains("@Task.retryBackoff must be >= 0 seconds (0: no backoff), was -2");
    }
}
