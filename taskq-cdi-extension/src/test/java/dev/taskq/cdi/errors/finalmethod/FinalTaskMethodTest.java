package dev.taskq.cdi.errors.finalmethod;

import static dev.taskq.cdi.Deployments.deploymentFailure;
import static dev.taskq.cdi.Deployments.fullText;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.spi.DefinitionException;
import org.junit.jupiter.api.Test;

class FinalTaskMethodTest {

    @Test
    void shouldRejectAFinalTaskMethod() {
        Throwable failure = deploymentFailure(FinalTaskBean.class);

        assertThat(failure).isInstanceOf(DefinitionException.class);
        assertThat(fullText(failure))
                .contains("TASKQ01003: Invalid @Task on " + FinalTaskBean.class.getName() + ".cleanUp")
                .contains("the method is final")
                .contains("remove 'final'");
    }
}
