package dev.taskq.cdi.errors.severalproblems;

import static dev.taskq.cdi.Deployments.deploymentFailure;
import static dev.taskq.cdi.Deployments.fullText;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.spi.DefinitionException;
import org.junit.jupiter.api.Test;

class SeveralProblemsTest {

    @Test
    void shouldReportEveryProblemOfABeanNotOnlyTheFirst() {
        Throwable failure = deploymentFailure(SeveralProblemsBean.class);

        assertThat(failure).isInstanceOf(DefinitionException.class);
        assertThat(fullText(failure))
                .contains("TASKQ01001: Invalid @Task on " + SeveralProblemsBean.class.getName() + ".staticTask")
                .contains("TASKQ01002: Invalid @Task on " + SeveralProblemsBean.class.getName() + ".privateTask")
                .doesNotContain("validTask");
    }
}
