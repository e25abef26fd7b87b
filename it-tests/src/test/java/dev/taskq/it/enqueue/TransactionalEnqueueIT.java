package dev.taskq.it.enqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.taskq.it.support.Eventually.eventually;
import static dev.taskq.it.support.Eventually.within;

import dev.taskq.TaskHandle;
import dev.taskq.TaskOptions;
import dev.taskq.it.harness.Deployments;
import dev.taskq.it.support.InContainerTest;
import dev.taskq.jpa.TaskEntity;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Enqueue joins the caller's JTA transaction; a task's own work and the removal of its row commit together. */
@ExtendWith(ArquillianExtension.class)
class TransactionalEnqueueIT extends InContainerTest {

    /** The default, set here because a test below counts on it. */
    private static final int CONCURRENCY = 4;

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("enqueue", Map.of("taskq.poll-interval", "100ms", "taskq.concurrency", String.valueOf(CONCURRENCY)),
                TransactionalEnqueueIT.class, AccountTasks.class);
    }

    @Inject
    UserTransaction transaction;

    @Test
    void rolledBackEnqueueLeavesNoRowAndNeverRuns() throws Exception {
        transaction.begin();
        tasks.enqueue(AccountTasks.class, accounts -> accounts.recordSignup("rolled-back"));
        transaction.rollback();

        assertThat(table.tasks()).isZero();
        // a task enqueued afterwards runs; by then the rolled-back one would have run too
        tasks.enqueue(AccountTasks.class, accounts -> accounts.recordSignup("after"));
        eventually().until(() -> table.effect("signup:after").isPresent());
        assertThat(table.effect("signup:rolled-back")).isEmpty();
    }

    @Test
    void committedEnqueueWritesExactlyOneRowThatRuns() throws Exception {
        transaction.begin();
        tasks.enqueue(AccountTasks.class, accounts -> accounts.recordSignup("rolled-back"));
        transaction.rollback();
        transaction.begin();
        // due in 3 s, so the row can be counted before a worker takes it
        TaskHandle handle = tasks.enqueue(AccountTasks.class, accounts -> accounts.recordSignup("ada"),
                TaskOptions.defaults().countdown(Duration.ofSeconds(3)));
        transaction.commit();

        assertThat(table.all()).extracting(TaskEntity::getId).containsExactly(handle.id());
        TaskEntity row = table.task(handle.id()).orElseThrow();
        assertThat(row.getName()).isEqualTo("AccountTasks.recordSignup");
        assertThat(row.getQueue()).isEqualTo("default");
        assertThat(row.getArgs()).isEqualTo("[\"ada\"]");

        eventually().until(() -> table.effect("signup:ada").isPresent());
        eventually().until(() -> table.tasks() == 0);
        assertThat(table.effect("signup:rolled-back")).isEmpty();
    }

    @Test
    void manyEnqueuesInOneTransactionRollBackTogetherAndCanBeRevokedBeforeTheCommit() throws Exception {
        TaskOptions later = TaskOptions.defaults().countdown(Duration.ofHours(1));
        transaction.begin();
        for (int number = 0; number < 1_200; number++) { // more than one batch: some rows are written before the rollback
            String user = "bulk-" + number;
            tasks.enqueue(AccountTasks.class, accounts -> accounts.recordSignup(user), later);
        }
        transaction.rollback();
        assertThat(table.tasks()).isZero();

        transaction.begin();
        TaskHandle kept = tasks.enqueue(AccountTasks.class, accounts -> accounts.recordSignup("kept"), later);
        TaskHandle revoked = tasks.enqueue(AccountTasks.class, accounts -> accounts.recordSignup("revoked"), later);
        assertThat(revoked.revoke()).isTrue();
        transaction.commit();

        assertThat(table.all()).extracting(TaskEntity::getId).containsExactly(kept.id());
    }

    @Test
    void taskThatWritesAndReturnsKeepsItsWorkAndLosesItsRow() {
        TaskHandle handle = tasks.enqueue(AccountTasks.class, accounts -> accounts.recordSignup("grace"));

        eventually().until(() -> table.task(handle.id()).isEmpty());
        assertThat(table.effect("signup:grace")).hasValueSatisfying(effect -> assertThat(effect.getDetail()).isEqualTo("grace"));
    }

    @Test
    void taskThatWritesAndThrowsLosesItsWorkAndIsMarkedFailedWithTheStackTrace() {
        TaskHandle handle = tasks.enqueue(AccountTasks.class, accounts -> accounts.recordThenFail("linus"));

        eventually().until(() -> table.task(handle.id()).map(TaskEntity::isFailed).orElse(false));
        TaskEntity row = table.task(handle.id()).orElseThrow();
        assertThat(row.getError()).isEqualTo("java.lang.IllegalStateException: payment gateway refused linus");
        assertThat(row.getTraceback())
                .startsWith("java.lang.IllegalStateException: payment gateway refused linus")
                .contains("at dev.taskq.it.enqueue.AccountTasks.recordThenFail");
        assertThat(row.getRetries()).isZero();
        assertThat(table.effect("charge:linus")).isEmpty();
    }

    @Test
    void afterMoreFailedTasksThanWorkerSlotsTheWorkerStillRunsTheNextTask() {
        // twice the slots: if a failure kept its slot, the last failing tasks and the next one would never run
        List<TaskHandle> failing = IntStream.range(0, 2 * CONCURRENCY)
                .mapToObj(number -> tasks.enqueue(AccountTasks.class, accounts -> accounts.recordThenFail("failing-" + number)))
                .toList();
        eventually().until(() -> failing.stream().allMatch(handle -> table.task(handle.id()).map(TaskEntity::isFailed).orElse(false)));

        TaskHandle next = tasks.enqueue(AccountTasks.class, accounts -> accounts.recordSignup("after-failures"));

        eventually().until(() -> table.task(next.id()).isEmpty());
        assertThat(table.effect("signup:after-failures")).isPresent();
        assertThat(table.failedTasks()).isEqualTo(2 * CONCURRENCY);
    }
}
