package dev.taskq.cdi.errors.privatemethod;

import static dev.taskq.cdi.Deployments.deploymentFailure;
import static dev.taskq.cdi.Deployments.fullText;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.spi.DefinitionException;
import org.junit.jupiter.api.Test;

class PrivateTaskMethodTest {

    @Test
    void shouldRejectAPrivateTaskMethod() {
        Throwable failure = deploymentFailure(PrivateTaskBean.class);

        assertThat(failure).isInstanceOf(DefinitionException.class);
        assertThat(fullText(failure))
                .contains("TASKQ01002: Invalid @Task on " + PrivateTaskBean.class.getName() + ".cleanUp")
                .contains("the method is private")
                .contains("make it public");
    }
}
