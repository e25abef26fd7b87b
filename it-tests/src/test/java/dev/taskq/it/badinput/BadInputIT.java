package dev.taskq.it.badinput;

import static dev.taskq.it.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskq.Signature;
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

    private static final String STALE_ARGUMENTS_ADVICE = "); the parameters changed after the task was enqueued. Delete the task,"
            + " or restore the old signature.";

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
        }, "TASKQ02003", "dev.taskq.it.badinput.InputTasks", "called 2 methods (other, other)");
    }

    @Test
    void nullOptionsAreRejectedWithTheFixWhicheverWayTheTaskIsEnqueued() {
        Signature signature = tasks.signature(InputTasks.class, t -> t.other("options"));

        assertThatThrownBy(() -> tasks.enqueue(InputTasks.class, t -> t.other("options"), null))
                .isInstanceOf(NullPointerException.class).hasMessage("options must not be null; use TaskOptions.defaults()");
        assertThatThrownBy(() -> signature.applyAsync(null))
                .isInstanceOf(NullPointerException.class).hasMessage("options must not be null; use TaskOptions.defaults()");
        assertThat(table.tasks()).as("rows after enqueues without options").isZero();
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
        assertRejected(NotABean.class, t -> t.work("x"), "TASKQ02001", "dev.taskq.it.badinput.NotABean", "@Task NotABean.work",
                "@ApplicationScoped");
    }

    @Test
    void anArgumentJsonbCannotWriteIsRejected() {
        assertRejected(InputTasks.class, t -> t.unwritable(new Unwritable()), "TASKQ02005", "InputTasks.unwritable",
                "argument 1 of type dev.taskq.it.badinput.Unwritable");
    }

    @Test
    void aSecondArgumentJsonbCannotWriteIsRejectedByItsPosition() {
        assertRejected(InputTasks.class, t -> t.labelled("fine", new Unwritable()), "TASKQ02005", "InputTasks.labelled",
                "argument 2 of type dev.taskq.it.badinput.Unwritable");
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

        eventually().until(() -> table.task(gone).map(TaskEntity::isFailed).orElse(false));
        assertThat(table.task(gone).orElseThrow().getError()).isEqualTo("TASKQ04001: No @Task named 'Removed.task' exists in this"
                + " deployment: the method was renamed or removed after the task was enqueued. Restore the name with"
                + " @Task(name = \"Removed.task\"), or delete the task.");

        assertTheWorkerStillRunsTasks("after-gone");
    }

    @Test
    void aRowWhoseArgumentsNoLongerFitFailsAndTheWorkerGoesOn() throws SQLException {
        UUID stale = table.insertWaiting("InputTasks.count", "[\"key\",\"not a number\"]");
        UUID tooFew = table.insertWaiting("InputTasks.count", "[\"key\"]");

        eventually().until(() -> table.task(stale).map(TaskEntity::isFailed).orElse(false)
                && table.task(tooFew).map(TaskEntity::isFailed).orElse(false));
        // JSON-B's own reason sits between the two fixed parts and differs between providers
        assertThat(table.task(stale).orElseThrow().getError())
                .startsWith("TASKQ04002: The stored arguments of task 'InputTasks.count' no longer deserialize to the method's"
                        + " parameter types (argument 2 cannot be read as int: ")
                .endsWith(STALE_ARGUMENTS_ADVICE);
        assertThat(table.task(tooFew).orElseThrow().getError()).isEqualTo("TASKQ04002: The stored arguments of task"
                + " 'InputTasks.count' no longer deserialize to the method's parameter types (stored 1 argument(s), the method"
                + " takes 2" + STALE_ARGUMENTS_ADVICE);
        assertThat(InputTasks.RAN).doesNotContain("key");

        assertTheWorkerStillRunsTasks("after-stale");
    }

    /** Enqueued only once the bad rows are failed, so it can run only if the worker outlived them. */
    private void assertTheWorkerStillRunsTasks(String key) {
        UUID good = tasks.enqueue(InputTasks.class, t -> t.other(key)).id();

        eventually().until(() -> InputTasks.RAN.contains(key) && table.task(good).isEmpty());
    }

    private <T> void assertRejected(Class<T> bean, TaskCall<T> call, String... messageParts) {
        assertThatThrownBy(() -> tasks.enqueue(bean, call))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll(messageParts);
        assertThat(table.tasks()).as("rows after a rejected enqueue").isZero();
    }
}
