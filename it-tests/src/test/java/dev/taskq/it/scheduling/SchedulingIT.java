package dev.taskq.it.scheduling;

import static dev.taskq.it.scheduling.ScheduledTasks.runs;
import static dev.taskq.it.scheduling.TestClock.CLOCK;
import static dev.taskq.it.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.Signature;
import dev.taskq.TaskHandle;
import dev.taskq.TaskOptions;
import dev.taskq.it.harness.Deployments;
import dev.taskq.it.support.CapturedLog;
import dev.taskq.it.support.InContainerTest;
import dev.taskq.it.support.SettableClock;
import dev.taskq.jpa.TaskEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * When a task runs, how it is retried, and revoke: Celery's countdown, eta, expires, queue,
 * autoretry_for, retry_backoff, self.retry() and revoke(). Time is moved by hand (@TaskqClock).
 */
@ExtendWith(ArquillianExtension.class)
class SchedulingIT extends InContainerTest {

    private static final AtomicInteger MARKERS = new AtomicInteger();
    private static final String TASK_RUNNER_LOGGER = "dev.taskq.cdi.internal.TaskRunner";

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("scheduling", Map.of(
                        "taskq.poll-interval", "50ms",
                        "taskq.task.\"ScheduledTasks.configured\".max-retries", "1",
                        "taskq.task.\"ScheduledTasks.configuredQueue\".queue", "configured",
                        "taskq.task.\"ScheduledTasks.configuredCountdown\".countdown", "45s",
                        "taskq.task.\"ScheduledTasks.configuredBackoff\".retry-backoff", "4s",
                        "taskq.task.\"ScheduledTasks.configuredBackoff\".retry-backoff-max", "6s"),
                SchedulingIT.class, ScheduledTasks.class, TestClock.class, SettableClock.class, CapturedLog.class);
    }

    @Test
    void countdownKeepsTheTaskWaitingUntilItIsDue() {
        Instant start = CLOCK.instant();
        TaskHandle handle = tasks.enqueue(ScheduledTasks.class, t -> t.remind("countdown"),
                TaskOptions.defaults().countdown(Duration.ofMinutes(10)));

        assertThat(row(handle).getExecuteAt().toInstant()).isEqualTo(start.plus(Duration.ofMinutes(10)));
        CLOCK.advance(Duration.ofMinutes(9));
        aPollCycleHasPassed();
        assertThat(runs("countdown")).isZero();

        CLOCK.advance(Duration.ofMinutes(1));
        eventually().until(() -> runs("countdown") == 1 && table.task(handle.id()).isEmpty());
    }

    @Test
    void etaKeepsTheTaskWaitingUntilThatInstant() {
        Instant eta = CLOCK.instant().plus(Duration.ofHours(1));
        TaskHandle handle = tasks.enqueue(ScheduledTasks.class, t -> t.remind("eta"), TaskOptions.defaults().eta(eta));

        assertThat(row(handle).getExecuteAt().toInstant()).isEqualTo(eta);
        CLOCK.advance(Duration.ofMinutes(59));
        aPollCycleHasPassed();
        assertThat(runs("eta")).isZero();

        CLOCK.advance(Duration.ofMinutes(1));
        eventually().until(() -> runs("eta") == 1);
    }

    @Test
    void aTaskClaimedAfterItsExpiryIsDeletedUnrun() {
        try (CapturedLog log = CapturedLog.of(TASK_RUNNER_LOGGER)) {
            Instant start = CLOCK.instant();
            TaskOptions inFiveMinutes = TaskOptions.defaults().countdown(Duration.ofMinutes(5));
            TaskHandle expiresIn = tasks.enqueue(ScheduledTasks.class, t -> t.remind("expires-in"), inFiveMinutes.expires(Duration.ofMinutes(1)));
            TaskHandle expiresAt = tasks.enqueue(ScheduledTasks.class, t -> t.remind("expires-at"), inFiveMinutes.expires(start.plus(Duration.ofMinutes(2))));
            TaskHandle fresh = tasks.enqueue(ScheduledTasks.class, t -> t.remind("still-fresh"), inFiveMinutes.expires(Duration.ofMinutes(10)));

            assertThat(row(expiresIn).getExpiresAt().toInstant()).isEqualTo(start.plus(Duration.ofMinutes(1)));
            assertThat(row(expiresAt).getExpiresAt().toInstant()).isEqualTo(start.plus(Duration.ofMinutes(2)));
            CLOCK.advance(Duration.ofMinutes(5));

            eventually().until(() -> runs("still-fresh") == 1);
            eventually().until(() -> table.task(expiresIn.id()).isEmpty() && table.task(expiresAt.id()).isEmpty());
            assertThat(runs("expires-in")).isZero();
            assertThat(runs("expires-at")).isZero();
            // the line is written just after the delete commits, so it may trail the empty table a little
            eventually().until(() -> !log.at(Level.INFO, expiresIn.id().toString()).isEmpty()
                    && !log.at(Level.INFO, expiresAt.id().toString()).isEmpty());
            assertThat(log.at(Level.INFO, expiresIn.id().toString(), "ScheduledTasks.remind", "expired")).hasSize(1);
            assertThat(log.at(Level.INFO, expiresAt.id().toString(), "ScheduledTasks.remind", "expired")).hasSize(1);
            assertThat(log.at(Level.INFO, fresh.id().toString())).as("the task that ran did not expire").isEmpty();
        }
    }

    @Test
    void theStoredCallIsTheSameWhicheverWayItWasEnqueued() {
        // queue "reports" and "urgent" are not worked by this node, so the rows stay to be read
        Signature signature = tasks.signature(ScheduledTasks.class, t -> t.nightlyReport("k", 7));
        List<TaskHandle> handles = List.of(
                tasks.enqueue(ScheduledTasks.class, t -> t.nightlyReport("k", 7)),
                tasks.enqueue(ScheduledTasks.class, t -> t.nightlyReport("k", 7), TaskOptions.defaults().queue("urgent")),
                signature.delay(),
                signature.applyAsync(TaskOptions.defaults().queue("urgent")));

        assertThat(handles).map(this::row).allSatisfy(row -> {
            assertThat(row.getName()).isEqualTo("reports.nightly");
            assertThat(row.getArgs()).isEqualTo("[\"k\",7]");
        });
        assertThat(handles).map(this::row).map(TaskEntity::getQueue).containsExactly("reports", "urgent", "reports", "urgent");
    }

    @Test
    void autoretryBacksOffExponentiallyUpToTheCapThenFails() {
        Instant start = CLOCK.instant();
        TaskHandle handle = tasks.enqueue(ScheduledTasks.class, t -> t.unreachable("backoff"));

        TaskEntity first = awaitWaitingWithRetries(handle, 1);
        assertThat(first.getExecuteAt().toInstant()).isEqualTo(start.plusSeconds(1));
        assertThat(first.getError()).isEqualTo("java.io.IOException: gateway unreachable for backoff");
        assertTheStoredCallIsUnchanged(first);

        CLOCK.advance(Duration.ofSeconds(1));
        TaskEntity second = awaitWaitingWithRetries(handle, 2);
        assertThat(second.getExecuteAt().toInstant()).isEqualTo(start.plusSeconds(1 + 2));
        assertTheStoredCallIsUnchanged(second);
        CLOCK.advance(Duration.ofSeconds(2));
        TaskEntity third = awaitWaitingWithRetries(handle, 3);
        assertThat(third.getExecuteAt().toInstant()).isEqualTo(start.plusSeconds(1 + 2 + 3));
        assertTheStoredCallIsUnchanged(third);
        CLOCK.advance(Duration.ofSeconds(3));

        eventually().until(() -> table.task(handle.id()).map(TaskEntity::isFailed).orElse(false));
        TaskEntity failed = row(handle);
        assertThat(failed.getRetries()).isEqualTo(3);
        assertTheStoredCallIsUnchanged(failed);
        assertThat(failed.getTraceback()).startsWith("java.io.IOException: gateway unreachable for backoff");
        assertThat(runs("backoff")).isEqualTo(4);
    }

    @Test
    void dontAutoretryForWinsOverAListedSupertype() {
        TaskHandle handle = tasks.enqueue(ScheduledTasks.class, t -> t.fileMissing("dont"));

        eventually().until(() -> table.task(handle.id()).map(TaskEntity::isFailed).orElse(false));
        assertThat(row(handle).getRetries()).isZero();
        assertThat(row(handle).getError()).isEqualTo("java.io.FileNotFoundException: no such file for dont");
    }

    @Test
    void aSubclassOfAListedExceptionIsRetriedAfterTheCountdown() {
        Instant start = CLOCK.instant();
        TaskHandle handle = tasks.enqueue(ScheduledTasks.class, t -> t.subclassOfListed("subclass"));

        assertThat(awaitWaitingWithRetries(handle, 1).getExecuteAt().toInstant()).isEqualTo(start.plusSeconds(60));
    }

    @Test
    void retryThrownByHandWaitsTheTaskCountdownAndKeepsTheCause() {
        Instant start = CLOCK.instant();
        TaskHandle handle = tasks.enqueue(ScheduledTasks.class, t -> t.retryByHand("manual"));

        TaskEntity waiting = awaitWaitingWithRetries(handle, 1);
        assertThat(waiting.getExecuteAt().toInstant()).isEqualTo(start.plusSeconds(180));
        assertThat(waiting.getError()).isEqualTo("java.io.IOException: busy manual");
    }

    @Test
    void retryAfterWithItsOwnMaxRetriesFailsOnceTheyAreUsed() {
        Instant start = CLOCK.instant();
        TaskHandle handle = tasks.enqueue(ScheduledTasks.class, t -> t.retryAfterThirty("after"));

        assertThat(awaitWaitingWithRetries(handle, 1).getExecuteAt().toInstant()).isEqualTo(start.plusSeconds(30));
        CLOCK.advance(Duration.ofSeconds(30));

        eventually().until(() -> table.task(handle.id()).map(TaskEntity::isFailed).orElse(false));
        assertThat(runs("after")).isEqualTo(2);
    }

    @Test
    void configurationOverridesTheAnnotationsMaxRetries() {
        TaskHandle handle = tasks.enqueue(ScheduledTasks.class, t -> t.configured("configured"));

        awaitWaitingWithRetries(handle, 1);
        CLOCK.advance(Duration.ofSeconds(10));

        eventually().until(() -> table.task(handle.id()).map(TaskEntity::isFailed).orElse(false));
        assertThat(row(handle).getRetries()).isEqualTo(1);
        assertThat(runs("configured")).isEqualTo(2);
    }

    @Test
    void configurationOverridesTheAnnotationsQueue() {
        // neither "configured" nor "annotated" is worked by this node, so the rows stay to be read
        TaskHandle configured = tasks.enqueue(ScheduledTasks.class, t -> t.configuredQueue("queue"));
        TaskHandle chosen = tasks.enqueue(ScheduledTasks.class, t -> t.configuredQueue("queue"), TaskOptions.defaults().queue("urgent"));

        assertThat(row(configured).getQueue()).isEqualTo("configured");
        assertThat(row(chosen).getQueue()).as("TaskOptions.queue wins over the configuration").isEqualTo("urgent");
    }

    @Test
    void configurationOverridesTheAnnotationsCountdown() {
        Instant start = CLOCK.instant();
        TaskHandle handle = tasks.enqueue(ScheduledTasks.class, t -> t.configuredCountdown("countdown-config"));

        assertThat(awaitWaitingWithRetries(handle, 1).getExecuteAt().toInstant()).isEqualTo(start.plusSeconds(45));
    }

    @Test
    void configurationSetsABackoffAndItsCap() {
        Instant start = CLOCK.instant();
        TaskHandle handle = tasks.enqueue(ScheduledTasks.class, t -> t.configuredBackoff("backoff-config"));

        assertThat(awaitWaitingWithRetries(handle, 1).getExecuteAt().toInstant()).isEqualTo(start.plusSeconds(4));
        CLOCK.advance(Duration.ofSeconds(4));
        // 4 * 2 = 8 s, capped at 6 s
        assertThat(awaitWaitingWithRetries(handle, 2).getExecuteAt().toInstant()).isEqualTo(start.plusSeconds(4 + 6));
    }

    @Test
    void revokeByIdDeletesAWaitingTask() {
        TaskHandle handle = tasks.enqueue(ScheduledTasks.class, t -> t.remind("revoked-by-id"), TaskOptions.defaults().countdown(Duration.ofHours(1)));

        assertThat(tasks.revoke(handle.id())).isTrue();
        assertThat(table.task(handle.id())).isEmpty();
        assertThat(tasks.revoke(handle.id())).isFalse();
        CLOCK.advance(Duration.ofHours(1));
        aPollCycleHasPassed();
        assertThat(runs("revoked-by-id")).isZero();
    }

    @Test
    void revokeDeletesAWaitingTaskOnce() {
        TaskHandle handle = tasks.enqueue(ScheduledTasks.class, t -> t.remind("revoked"), TaskOptions.defaults().countdown(Duration.ofHours(1)));

        assertThat(handle.revoke()).isTrue();
        assertThat(table.task(handle.id())).isEmpty();
        assertThat(handle.revoke()).isFalse();
        assertThat(tasks.revoke(handle.id())).isFalse();
        assertThat(tasks.revoke(UUID.randomUUID())).isFalse();
        CLOCK.advance(Duration.ofHours(1));
        aPollCycleHasPassed();
        assertThat(runs("revoked")).isZero();
    }

    @Test
    void revokeLeavesAStartedTaskAlone() {
        TaskHandle handle = tasks.enqueue(ScheduledTasks.class, t -> t.block("started"));
        eventually().until(() -> table.task(handle.id()).map(TaskEntity::isStarted).orElse(false));

        assertThat(tasks.revoke(handle.id())).isFalse();
        assertThat(handle.revoke()).isFalse();
        assertThat(table.task(handle.id())).hasValueSatisfying(row -> assertThat(row.isStarted()).isTrue());

        ScheduledTasks.RELEASE.countDown();
        eventually().until(() -> table.task(handle.id()).isEmpty());
        assertThat(runs("started")).isEqualTo(1);
    }

    private static void assertTheStoredCallIsUnchanged(TaskEntity row) {
        assertThat(row.getName()).isEqualTo("ScheduledTasks.unreachable");
        assertThat(row.getArgs()).isEqualTo("[\"backoff\"]");
    }

    private TaskEntity row(TaskHandle handle) {
        return table.task(handle.id()).orElseThrow(() -> new AssertionError("no row for task " + handle.id()));
    }

    private TaskEntity awaitWaitingWithRetries(TaskHandle handle, int retries) {
        eventually().until(() -> table.task(handle.id()).map(row -> row.getRetries() == retries && !row.isStarted()).orElse(false));
        return row(handle);
    }

    /** A due task enqueued now has run: any other due task of the queue would have been claimed by then. */
    private void aPollCycleHasPassed() {
        String marker = "marker-" + MARKERS.incrementAndGet();
        tasks.enqueue(ScheduledTasks.class, t -> t.remind(marker));
        eventually().until(() -> runs(marker) == 1);
    }
}
