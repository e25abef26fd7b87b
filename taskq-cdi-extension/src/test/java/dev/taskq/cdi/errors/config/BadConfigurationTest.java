package dev.taskq.cdi.errors.config;

import static dev.taskq.cdi.Deployments.deploymentFailure;
import static dev.taskq.cdi.Deployments.fullText;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.spi.DefinitionException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BadConfigurationTest {

    @Test
    void shouldFailTheDeploymentNamingEveryBadKeyAndItsValue() {
        Throwable failure = deploymentFailure(Map.of(
                "taskq.worker.enabled", "false",
                "taskq.migrate", "false",
                "taskq.concurrency", "0",
                "taskq.poll-interval", "soon"), ValidBean.class);

        assertThat(failure).isInstanceOf(DefinitionException.class);
        assertThat(fullText(failure))
                .contains("TASKQ03001: Invalid configuration taskq.concurrency=0")
                .contains("TASKQ03001: Invalid configuration taskq.poll-interval=soon");
    }

    @Test
    void shouldFailTheDeploymentForAnEmptyQueueNameAndANegativePerTaskMaxRetries() {
        Throwable failure = deploymentFailure(Map.of(
                "taskq.worker.enabled", "false",
                "taskq.migrate", "false",
                "taskq.queues", "default,,mail",
                "taskq.task.\"ValidBean.sync\".max-retries", "-2"), ValidBean.class);

        assertThat(fullText(failure))
                .contains("TASKQ03001: Invalid configuration taskq.queues='default,,mail'")
                .contains("TASKQ03001: Invalid configuration taskq.task.\"ValidBean.sync\".max-retries=-2: must be a whole number >= 0, or -1");
    }
}
