package dev.taskq.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.jpa.internal.TaskRows.StoredTask;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class JdbcTaskRepositoryTest extends RepositoryTestSupport {

    private static final String NAME = "Mailer.welcome";


    @Test
    void timesRoundTripThroughANonUtcSession() {
        Instant executeAt = NOW.minus(Duration.ofHours(1)); // 01:30 EST, before the jump
        Instant expiresAt = NOW.plus(Duration.ofDays(200));  // back in winter time
        UUID id = insert("default", executeAt, expiresAt);

        assertThat(rows.column("SHOW timezone")).containsExactly(EmbeddedPostgresExtension.SESSION_TIME_ZONE);
        assertThat(rows.column("SELECT to_char(execute_at, 'YYYY-MM-DD HH24:MI:SS.US TZ') FROM taskq_task"))
                .containsExactly("2025-03-09 01:30:00.123456 EST");
        assertThat(repository.claim("default", 1, "node-1", NOW)).singleElement().satisfies(claimed -> {
            assertThat(claimed.id()).isEqualTo(id);
            assertThat(claimed.executeAt()).isEqualTo(executeAt);
            assertThat(claimed.expiresAt()).isEqualTo(expiresAt);
        });
        assertThat(rows.read(id).startedAt()).isEqualTo(NOW);
    }

    @Test
    void claimTakesDueTasksOldestFirstUpToTheLimit() {
        UUID second = insert("default", NOW.minusSeconds(20), null);
        UUID first = insert("default", NOW.minusSeconds(30), null);
        UUID third = insert("default", NOW, null);
        UUID future = insert("default", NOW.plusNanos(1_000), null);
        rows.failed(NAME, "default", "node-1", NOW.minusSeconds(100));

        assertThat(ids(repository.claim("default", 2, "node-1", NOW))).containsExactly(first, second);
        assertThat(ids(repository.claim("default", 2, "node-1", NOW))).containsExactly(third);
        assertThat(repository.claim("default", 2, "node-1", NOW)).isEmpty();
        assertThat(rows.read(future).started()).isFalse();
    }

    @Test
    void claimTakesOnlyTasksOfItsQueue() {
        UUID mail = insert("mail", NOW.minusSeconds(1), null);
        UUID report = insert("reports", NOW.minusSeconds(1), null);

        assertThat(ids(repository.claim("mail", 10, "node-1", NOW))).containsExactly(mail);
        assertThat(rows.read(report).started()).isFalse();
    }

    @Test
    void claimMarksTasksStartedByTheNodeAndReturnsWhatTheRunnerNeeds() {
        NewTask task = new NewTask(TimeOrderedUuid.at(NOW), NAME, "default", "[42,\"x\"]", NOW.minusSeconds(100),
                NOW.minusSeconds(10), NOW.plusSeconds(50));
        repository.insert(List.of(task));

        assertThat(repository.claim("default", 10, "node-1", NOW)).containsExactly(new ClaimedTask(task.id(), NAME,
                "default", "[42,\"x\"]", 0, task.executeAt(), task.expiresAt()));
        StoredTask row = rows.read(task.id());
        assertThat(row.started()).isTrue();
        assertThat(row.startedAt()).isEqualTo(NOW);
        assertThat(row.aliveAt()).isEqualTo(NOW);
        assertThat(row.node()).isEqualTo("node-1");
    }

    @Test
    void insertOfManyRowsWritesEveryColumnInOneStatement() {
        NewTask first = new NewTask(TimeOrderedUuid.at(NOW), NAME, "default", "[\"quote \\\" and ünïcode, {}\"]",
                NOW.minusSeconds(100), NOW.minusSeconds(10), NOW.plusSeconds(50));
        NewTask second = new NewTask(TimeOrderedUuid.at(NOW), "Other.task", "mail", "[null]", NOW.minusSeconds(100),
                NOW.minusSeconds(5), null);
        repository.insert(List.of(first, second));

        assertThat(repository.claim("default", 10, "node-1", NOW)).containsExactly(new ClaimedTask(first.id(), NAME,
                "default", first.args(), 0, first.executeAt(), first.expiresAt()));
        assertThat(repository.claim("mail", 10, "node-1", NOW)).containsExactly(new ClaimedTask(second.id(), "Other.task",
                "mail", "[null]", 0, second.executeAt(), null));
    }

    @Test
    void deleteCompletedRemovesOnlyTheNodesStartedRows() {
        UUID mine = insert("default", NOW.minusSeconds(2), null);
        UUID waiting = insert("default", NOW.plusSeconds(60), null);
        repository.claim("default", 10, "node-1", NOW);
        UUID others = insert("default", NOW.minusSeconds(1), null);
        repository.claim("default", 10, "node-2", NOW);

        assertThat(repository.deleteCompleted(List.of(mine, waiting, others), "node-1")).isEqualTo(1);
        assertThat(rows.exists(mine)).isFalse();
        assertThat(rows.exists(waiting)).isTrue();
        assertThat(rows.exists(others)).isTrue();
    }

    @Test
    void claimFindsDueTasksThroughTheDueIndex() throws SQLException {
        // 20,000 waiting tasks on four queues, of which only the first 20 are due.
        rows.execute("""
                INSERT INTO taskq_task (id, name, queue, args, created_at, execute_at)
                SELECT gen_random_uuid(), 'Bulk.job', 'q' || mod(i, 4), '[]', now(), TIMESTAMPTZ '%s' + make_interval(secs => i - 20)
                FROM generate_series(1, 20000) AS i""".formatted(NOW));
        rows.execute("ANALYZE taskq_task");

        StringBuilder plan = new StringBuilder();
        try (Connection connection = postgres.dataSource().getConnection();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN " + TaskSql.CLAIM)) {
            int index = 1;
            explain.setString(index++, "q1");                         // queue
            explain.setObject(index++, NOW.atOffset(ZoneOffset.UTC)); // execute_at <= now
            explain.setInt(index++, 10);                              // limit
            explain.setObject(index++, NOW.atOffset(ZoneOffset.UTC)); // started_at
            explain.setObject(index++, NOW.atOffset(ZoneOffset.UTC)); // alive_at
            explain.setString(index++, "node-1");                     // node
            try (ResultSet lines = explain.executeQuery()) {
                while (lines.next()) {
                    plan.append(lines.getString(1)).append('\n');
                }
            }
        }
        assertThat(plan).as("plan of the claim").contains("taskq_task_due_idx");
        assertThat(repository.claim("q1", 10, "node-1", NOW)).hasSize(5);
    }

    @Test
    void deleteRemovesTheRowOnce() {
        UUID id = insert("default", NOW, null);
        repository.claim("default", 1, "node-1", NOW);

        assertThat(repository.delete(id, "node-2")).as("another node's row").isFalse();
        assertThat(repository.delete(id, "node-1")).isTrue();
        assertThat(repository.delete(id, "node-1")).isFalse();
        assertThat(rows.exists(id)).isFalse();
    }

    @Test
    void deleteUnstartedLeavesStartedTasks() {
        UUID waiting = insert("default", NOW.plusSeconds(60), null);
        UUID running = rows.running(NAME, "default", "node-1", NOW);

        assertThat(repository.deleteUnstarted(waiting)).isTrue();
        assertThat(repository.deleteUnstarted(running)).isFalse();
        assertThat(rows.exists(waiting)).isFalse();
        assertThat(rows.exists(running)).isTrue();
    }

    @Test
    void releaseMakesAClaimedTaskWaitingAgain() {
        UUID id = insert("default", NOW.minusSeconds(1), null);
        repository.claim("default", 1, "node-1", NOW);
        UUID failed = rows.failed(NAME, "default", "node-1", NOW);

        assertThat(repository.release(id, "node-2")).as("another node's row").isFalse();
        assertThat(repository.release(id, "node-1")).isTrue();
        assertThat(repository.release(failed, "node-1")).isFalse();
        StoredTask row = rows.read(id);
        assertThat(row.started()).isFalse();
        assertThat(row.startedAt()).isNull();
        assertThat(row.aliveAt()).isNull();
        assertThat(row.node()).isNull();
        assertThat(row.retries()).isZero();
        assertThat(ids(repository.claim("default", 1, "node-2", NOW))).containsExactly(id);
    }

    @Test
    void markFailedKeepsTheRowWithItsErrorAndTraceback() {
        UUID id = insert("default", NOW, null);
        repository.claim("default", 1, "node-1", NOW);

        repository.markFailed(id, "node-1", "java.io.IOException: disk full", "java.io.IOException: disk full\n\tat Mailer.welcome",
                NOW.plusSeconds(2));

        StoredTask row = rows.read(id);
        assertThat(row.failed()).isTrue();
        assertThat(row.error()).isEqualTo("java.io.IOException: disk full");
        assertThat(row.traceback()).isEqualTo("java.io.IOException: disk full\n\tat Mailer.welcome");
        assertThat(row.aliveAt()).isEqualTo(NOW.plusSeconds(2));
        assertThat(repository.claim("default", 1, "node-1", NOW.plusSeconds(3600))).isEmpty();
    }

    @Test
    void scheduleRetryPutsTheTaskBackWithOneRetryMore() {
        UUID id = insert("default", NOW, null);
        repository.claim("default", 1, "node-1", NOW);

        repository.scheduleRetry(id, "node-1", NOW.plusSeconds(180), "java.io.IOException: timeout", "trace");

        StoredTask row = rows.read(id);
        assertThat(row.started()).isFalse();
        assertThat(row.startedAt()).isNull();
        assertThat(row.aliveAt()).isNull();
        assertThat(row.node()).isNull();
        assertThat(row.retries()).isEqualTo(1);
        assertThat(row.executeAt()).isEqualTo(NOW.plusSeconds(180));
        assertThat(row.error()).isEqualTo("java.io.IOException: timeout");
        assertThat(row.traceback()).isEqualTo("trace");
        assertThat(repository.claim("default", 1, "node-1", NOW.plusSeconds(179))).isEmpty();
        assertThat(repository.claim("default", 1, "node-1", NOW.plusSeconds(180)))
                .singleElement().satisfies(claimed -> assertThat(claimed.retries()).isEqualTo(1));
    }

    @Test
    void heartbeatTouchesOnlyTheListedTasksRunningOnTheNode() {
        Instant before = NOW.minusSeconds(3);
        UUID listed = rows.running(NAME, "default", "node-1", before);
        UUID unlisted = rows.running(NAME, "default", "node-1", before);
        UUID otherNode = rows.running(NAME, "default", "node-2", before);
        UUID failed = rows.failed(NAME, "default", "node-1", before);
        UUID waiting = insert("default", before, null);

        int updated = repository.heartbeat("node-1", List.of(listed, otherNode, failed, waiting, UUID.randomUUID()), NOW);

        assertThat(updated).isEqualTo(1);
        assertThat(rows.read(listed).aliveAt()).isEqualTo(NOW);
        assertThat(rows.read(unlisted).aliveAt()).isEqualTo(before);
        assertThat(rows.read(otherNode).aliveAt()).isEqualTo(before);
        assertThat(rows.read(failed).aliveAt()).isEqualTo(before);
        assertThat(rows.read(waiting).aliveAt()).isNull();
        assertThat(repository.heartbeat("node-1", List.of(), NOW)).isZero();
    }

    @Test
    void heartbeatSkipsARowLockedByItsTasksOwnTransactionInsteadOfWaitingForIt() throws Exception {
        UUID committing = rows.running(NAME, "default", "node-1", NOW.minusSeconds(1));
        UUID other = rows.running(NAME, "default", "node-1", NOW.minusSeconds(1));
        ExecutorService beat = Executors.newSingleThreadExecutor();
        try (Connection task = postgres.dataSource().getConnection()) {
            // the task's transaction has deleted its row and now waits, for example on an application lock
            task.setAutoCommit(false);
            try (PreparedStatement delete = task.prepareStatement("DELETE FROM taskq_task WHERE id = ?")) {
                delete.setObject(1, committing);
                assertThat(delete.executeUpdate()).isEqualTo(1);
            }

            Future<Integer> updated = beat.submit(() -> repository.heartbeat("node-1", List.of(committing, other), NOW));

            // a heartbeat that waited for the lock would not return before the rollback below
            assertThat(updated.get(60, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(rows.read(other).aliveAt()).isEqualTo(NOW);
            task.rollback();
        } finally {
            beat.shutdownNow();
        }
        assertThat(rows.read(committing).aliveAt()).isEqualTo(NOW.minusSeconds(1));
    }

    @Test
    void heartbeatUpdatesRowsInPlace() throws SQLException {
        UUID first = rows.running(NAME, "default", "node-1", NOW.minusSeconds(1));
        UUID second = rows.running(NAME, "default", "node-1", NOW.minusSeconds(1));

        try (Connection connection = postgres.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            new JdbcTaskRepository(sharing(connection)).heartbeat("node-1", List.of(first, second), NOW);
            // The xact view counts this transaction's own updates: no waiting for the statistics to flush.
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_xact_user_tables WHERE relname = 'taskq_task'");
                 ResultSet stats = select.executeQuery()) {
                assertThat(stats.next()).isTrue();
                assertThat(stats.getLong("n_tup_upd")).isEqualTo(2);
                assertThat(stats.getLong("n_tup_hot_upd")).as("heap-only (HOT) updates").isEqualTo(2);
            }
            connection.commit();
        }
    }

    @Test
    void countStatesCountsTheFiveGroupsPerNameAndQueue() {
        seedEveryGroup();

        assertThat(repository.countStates(NOW, DIRTY_AFTER)).containsExactly(
                new TaskStateCount(NAME, "default", 1, 1, 2, 2, 1, NOW.minusSeconds(90)),
                new TaskStateCount("Reports.daily", "default", 0, 0, 0, 0, 1, null),
                new TaskStateCount("Reports.daily", "reports", 1, 0, 0, 0, 1, null));
        // Two hours on, no heartbeat came and every waiting task is due.
        assertThat(repository.countStates(NOW.plusSeconds(7200), DIRTY_AFTER)).containsExactly(
                new TaskStateCount(NAME, "default", 1, 3, 0, 3, 0, NOW.minusSeconds(90)),
                new TaskStateCount("Reports.daily", "default", 0, 0, 0, 1, 0, NOW.plusSeconds(60)),
                new TaskStateCount("Reports.daily", "reports", 1, 0, 0, 1, 0, NOW.plusSeconds(3600)));
    }

    @Test
    void totalsSumTheFiveGroupsOverAllNamesAndQueues() {
        assertThat(repository.totals(NOW, DIRTY_AFTER)).isEqualTo(new StateTotals(0, 0, 0, 0, 0, Optional.empty()));

        seedEveryGroup();

        assertThat(repository.totals(NOW, DIRTY_AFTER))
                .isEqualTo(new StateTotals(2, 1, 2, 2, 3, Optional.of(NOW.minusSeconds(90))));
    }

    @Test
    void findDirtyListsSilentStartedTasksLongestSilentFirst() {
        UUID recent = rows.running(NAME, "default", "node-1", CUTOFF.minusNanos(1_000));
        UUID oldest = rows.running(NAME, "mail", "node-2", CUTOFF.minusSeconds(60));
        UUID middle = rows.running(NAME, "default", "node-1", CUTOFF.minusSeconds(30));
        rows.running(NAME, "default", "node-1", CUTOFF);               // active: heard of exactly at the cutoff
        rows.failed(NAME, "default", "node-1", NOW.minusSeconds(600)); // failed wins over dirty
        insert("default", NOW.minusSeconds(600), null);                // waiting, never started

        assertThat(repository.findDirty(NOW, DIRTY_AFTER, 10)).containsExactly(
                new DirtyTask(oldest, NAME, "mail", "node-2", CUTOFF.minusSeconds(60)),
                new DirtyTask(middle, NAME, "default", "node-1", CUTOFF.minusSeconds(30)),
                new DirtyTask(recent, NAME, "default", "node-1", CUTOFF.minusNanos(1_000)));
        assertThat(repository.findDirty(NOW, DIRTY_AFTER, 2)).extracting(DirtyTask::id).containsExactly(oldest, middle);
    }

    @Test
    void retryNowMakesAFailedTaskPendingAgain() {
        UUID id = insert("default", NOW, null);
        repository.claim("default", 1, "node-1", NOW);
        repository.markFailed(id, "node-1", "boom", "trace", NOW);
        Instant later = NOW.plus(Duration.ofDays(1));

        assertThat(repository.retryNow(id, later, DIRTY_AFTER)).isTrue();

        StoredTask row = rows.read(id);
        assertThat(row.failed()).isFalse();
        assertThat(row.started()).isFalse();
        assertThat(row.startedAt()).isNull();
        assertThat(row.aliveAt()).isNull();
        assertThat(row.node()).isNull();
        assertThat(row.executeAt()).isEqualTo(later);
        assertThat(row.retries()).isEqualTo(1);
        assertThat(row.error()).isNull();
        assertThat(row.traceback()).isNull();
        assertThat(ids(repository.claim("default", 1, "node-2", later))).containsExactly(id);
    }

    @Test
    void retryNowMakesADirtyTaskPendingAgain() {
        UUID id = rows.running(NAME, "default", "node-1", CUTOFF.minusNanos(1_000));

        assertThat(repository.retryNow(id, NOW, DIRTY_AFTER)).isTrue();

        StoredTask row = rows.read(id);
        assertThat(row.started()).isFalse();
        assertThat(row.node()).isNull();
        assertThat(row.executeAt()).isEqualTo(NOW);
        assertThat(row.retries()).isEqualTo(1);
    }

    @Test
    void retryNowLeavesActiveAndWaitingTasksAlone() {
        UUID active = rows.running(NAME, "default", "node-1", CUTOFF);
        UUID pending = insert("default", NOW.minusSeconds(10), null);
        UUID future = insert("default", NOW.plusSeconds(10), null);

        assertThat(repository.retryNow(active, NOW, DIRTY_AFTER)).isFalse();
        assertThat(repository.retryNow(pending, NOW, DIRTY_AFTER)).isFalse();
        assertThat(repository.retryNow(future, NOW, DIRTY_AFTER)).isFalse();
        assertThat(repository.retryNow(UUID.randomUUID(), NOW, DIRTY_AFTER)).isFalse();
        assertThat(rows.read(active).started()).isTrue();
        assertThat(rows.read(active).retries()).isZero();
        assertThat(rows.read(pending).executeAt()).isEqualTo(NOW.minusSeconds(10));
        assertThat(rows.read(future).retries()).isZero();
    }

    @Test
    void deleteFailedOrWaitingDeletesEveryTaskButAnActiveOne() {
        UUID failed = rows.failed(NAME, "default", "node-1", NOW);
        UUID dirty = rows.running(NAME, "default", "node-1", CUTOFF.minusNanos(1_000));
        UUID active = rows.running(NAME, "default", "node-1", CUTOFF);
        UUID pending = insert("default", NOW, null);
        UUID future = insert("default", NOW.plusSeconds(10), null);

        assertThat(repository.deleteFailedOrWaiting(active, NOW, DIRTY_AFTER)).isFalse();
        for (UUID id : List.of(failed, dirty, pending, future)) {
            assertThat(repository.deleteFailedOrWaiting(id, NOW, DIRTY_AFTER)).as("delete %s", id).isTrue();
        }
        assertThat(repository.deleteFailedOrWaiting(failed, NOW, DIRTY_AFTER)).isFalse();
        assertThat(rows.count()).isEqualTo(1);
        assertThat(rows.exists(active)).isTrue();
    }

    /** At NOW: Mailer.welcome/default has 1 failed, 1 dirty, 2 active, 2 pending, 1 future; Reports.daily 1 failed, 2 future. */
    private static void seedEveryGroup() {
        rows.failed(NAME, "default", "node-1", NOW.minusSeconds(100));
        rows.running(NAME, "default", "node-1", CUTOFF.minusNanos(1_000)); // dirty: just before the cutoff
        rows.running(NAME, "default", "node-1", CUTOFF);                  // active: exactly at the cutoff
        rows.running(NAME, "default", "node-2", NOW);
        rows.waiting(NAME, "default", NOW);                               // pending: due exactly now
        rows.waiting(NAME, "default", NOW.minusSeconds(90));
        rows.waiting(NAME, "default", NOW.plusNanos(1_000));              // future
        rows.waiting("Reports.daily", "reports", NOW.plusSeconds(3600));
        rows.failed("Reports.daily", "reports", "node-2", NOW);
        rows.waiting("Reports.daily", "default", NOW.plusSeconds(60));
    }

    private static UUID insert(String queue, Instant executeAt, Instant expiresAt) {
        UUID id = TimeOrderedUuid.at(NOW);
        repository.insert(List.of(new NewTask(id, NAME, queue, "[]", NOW.minusSeconds(3600), executeAt, expiresAt)));
        return id;
    }

    private static List<UUID> ids(List<ClaimedTask> claimed) {
        return claimed.stream().map(ClaimedTask::id).toList();
    }

    /** A data source that hands out {@code connection} and ignores close(), so several calls share one transaction. */
    private static DataSource sharing(Connection connection) {
        ClassLoader loader = JdbcTaskRepositoryTest.class.getClassLoader();
        Connection unclosable = (Connection) Proxy.newProxyInstance(loader, new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(loader, new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
            if (method.getName().equals("getConnection")) {
                return unclosable;
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }
}
