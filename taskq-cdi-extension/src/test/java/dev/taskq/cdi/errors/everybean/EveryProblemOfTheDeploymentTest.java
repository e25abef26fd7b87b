package dev.taskq.cdi.errors.everybean;

import static dev.taskq.cdi.Deployments.deploymentFailure;
import static dev.taskq.cdi.Deployments.fullText;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** One deployment attempt shows every problem: of each bean, across beans, and of the configuration. */
class EveryProblemOfTheDeploymentTest {

    @Test
    void shouldReportTheProblemsOfEveryBeanTheDuplicateNamesAndTheConfigurationTogether() {
        Throwable failure = deploymentFailure(Map.of(
                "taskq.worker.enabled", "false",
                "taskq.migrate", "false",
                "taskq.concurrency", "0"), StaticTaskBean.class, FinalTaskBean.class, FirstSender.class, SecondSender.class);

        assertThat(fullText(failure))
                .contains("TASKQ01001: Invalid @Task on " + StaticTaskBean.class.getName() + ".cleanUp")
                .contains("TASKQ01003: Invalid @Task on " + FinalTaskBean.class.getName() + ".archive")
                .contains("TASKQ01006: Two or more @Task methods are named 'send'")
                .contains("TASKQ03001: Invalid configuration taskq.concurrency=0");
    }
}
