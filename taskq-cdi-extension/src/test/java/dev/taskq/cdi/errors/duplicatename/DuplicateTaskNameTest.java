package dev.taskq.cdi.errors.duplicatename;

import static dev.taskq.cdi.Deployments.deploymentFailure;
import static dev.taskq.cdi.Deployments.fullText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.cdi.errors.duplicatename.a.Reports;
import jakarta.enterprise.inject.spi.DefinitionException;
import org.junit.jupiter.api.Test;

class DuplicateTaskNameTest {

    @Test
    void shouldRejectTwoBeansWhoseTasksShareAnExplicitName() {
        Throwable failure = deploymentFailure(FirstMailer.class, SecondMailer.class);

        assertThat(failure).isInstanceOf(DefinitionException.class);
        assertThat(fullText(failure))
                .contains("TASKQ01006: Two or more @Task methods are named 'mail.send'")
                .contains(FirstMailer.class.getName() + ".send")
                .contains(SecondMailer.class.getName() + ".deliver")
                .contains("set @Task(name = \"...\")");
    }

    @Test
    void shouldRejectTwoBeansWithTheSameSimpleNameWhoseTasksShareTheDefaultName() {
        Throwable failure = deploymentFailure(Reports.class, dev.taskq.cdi.errors.duplicatename.b.Reports.class);

        assertThat(failure).isInstanceOf(DefinitionException.class);
        assertThat(fullText(failure))
                .contains("TASKQ01006: Two or more @Task methods are named 'Reports.daily'")
                .contains(Reports.class.getName() + ".daily")
                .contains(dev.taskq.cdi.errors.duplicatename.b.Reports.class.getName() + ".daily");
    }
}
