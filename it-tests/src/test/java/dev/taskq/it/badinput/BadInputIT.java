package dev.taskq.it.badinput;

import static dev.taskq.it.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskq.TaskCall;
import dev.taskq.it.harness.Deployments;
import dev.taskq.it.support.InContainerTest;
import dev.taskq.jpa.TaskEntity;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad input gets a clear error that names what was wrong, and loses nothing. */
@ExtendWith(ArquillianExtension.class)
class BadInputIT extends InContainerTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("bad-input", Map.of("taskq.poll-interval", "50ms"),
                BadInputIT.class, InputTasks.class, NotABean.class, Unwritable.class, NoDefaultConstructor.class, Pair.class);
    }

    @Test
    void aLambdaThatCallsNoTaskMethodIsRejected() {
        assertRejected(InputTasks.class, t -> { }, "TASKQ02002", "dev.taskq.it.badinput.InputTasks", "called no method");
    }

    @Test
    void aLambdaThatCallsTwoTaskMethodsIsRejected() {
        assertRejected(InputTasks.class, t -> {
            t.other("first");
            t.other("second");
        }, "TASKQ02003", "called 2 methods (other, other)");
    }

    @Test
    void aLambdaThatCallsAMethodOfAnotherObjectIsRejected() {
        StringBuilder elsewhere = new StringBuilder();
        assertRejected(InputTasks.class, t -> elsewhere.append("not a task"), "TASKQ02002", "InputTasks");
    }

    @Test
    void aMethodWithoutTaskIsRejected() {
        assertRejected(InputTasks.class, t -> t.notATask("x"), "TASKQ02004", "InputTasks.notATask", "not annotated with @dev.taskq.Task");
    }

    @Test
    void aClassThatIsNoCdiBeanIsRejectedWithTheFix() {
        assertRejected(NotABean.class, t -> t.work("x"), "TASKQ02001", "dev.taskq.it.badinput.NotABean", "@ApplicationScoped");
    }

    @Test
    void anArgumentJsonbCannotWriteIsRejected() {
        assertRejected(InputTasks.class, t -> t.unwritable(new Unwritable()), "TASKQ02005", "InputTasks.unwritable",
                "argument 1 of type dev.taskq.it.badinput.Unwritable");
    }

    @Test
    void anArgumentJsonbCannotReadBackIsRejected() {
        assertRejected(InputTasks.class, t -> t.noDefaultConstructor(new NoDefaultConstructor("n")), "TASKQ02006",
                "InputTasks.noDefaultConstructor", "argument 1 of type dev.taskq.it.badinput.NoDefaultConstructor");
    }

    @Test
    void anArgumentThatReadsBackAsADifferentValueIsRejected() {
        assertRejected(InputTasks.class, t -> t.anything(new Pair("a", "b")), "TASKQ02007", "InputTasks.anything",
                "argument 1 of type java.lang.Object");
    }

    @Test
    void aRowNamingATaskThatNoLongerExistsFailsAndTheWorkerGoesOn() throws SQLException {
        UUID gone = table.insertWaiting("Removed.task", "[\"x\"]");
        tasks.enqueue(InputTasks.class, t -> t.other("after-gone"));

        eventually().until(() -> InputTasks.RAN.contains("after-gone"));
        eventually().until(() -> table.task(gone).map(TaskEntity::isFailed).orElse(false));
        assertThat(table.task(gone).orElseThrow().getError())
                .startsWith("TASKQ04001: No @Task named 'Removed.task' exists in this deployment");
    }

    @Test
    void aRowWhoseArgumentsNoLongerFitFailsAndTheWorkerGoesOn() throws SQLException {
        UUID stale = table.insertWaiting("InputTasks.count", "[\"key\",\"not a number\"]");
        UUID tooFew = table.insertWaiting("InputTasks.count", "[\"key\"]");
        tasks.enqueue(InputTasks.class, t -> t.other("after-stale"));

        eventually().until(() -> InputTasks.RAN.contains("after-stale"));
        eventually().until(() -> table.task(stale).map(TaskEntity::isFailed).orElse(false)
                && table.task(tooFew).map(TaskEntity::isFailed).orElse(false));
        assertThat(table.task(stale).orElseThrow().getError())
                .startsWith("TASKQ04002: The stored arguments of task 'InputTasks.count' no longer deserialize")
                .contains("argument 2 cannot be read as int");
        assertThat(table.task(tooFew).orElseThrow().getError()).contains("stored 1 argument(s), the method takes 2");
        assertThat(InputTasks.RAN).doesNotContain("key");
    }

    private <T> void assertRejected(Class<T> bean, TaskCall<T> call, String... messageParts) {
        assertThatThrownBy(() -> tasks.enqueue(bean, call))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll(messageParts);
        assertThat(table.tasks()).as("rows after a rejected enqueue").isZero();
    }
}
