package dev.taskq.cdi.errors.staticmethod;

import static dev.taskq.cdi.Deployments.deploymentFailure;
import static dev.taskq.cdi.Deployments.fullText;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.spi.DefinitionException;
import org.junit.jupiter.api.Test;

class StaticTaskMethodTest {

    @Test
    void shouldRejectAStaticTaskMethod() {
        Throwable failure = deploymentFailure(StaticTaskBean.class);

        assertThat(failure).isInstanceOf(DefinitionException.class);
        assertThat(fullText(failure))
                .contains("TASKQ01001: Invalid @Task on " + StaticTaskBean.class.getName() + ".cleanUp")
                .contains("the method is static");
    }
}
