package dev.taskq.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The repository's console queries and commands: filtered pages, counts, one task, commands on many. */
class ConsoleQueriesTest extends RepositoryTestSupport {

    @Test
    void eachGroupListsOnlyItsOwnTasks() {
        UUID failed = rows.failed("A.run", "default", "node-1", NOW.minusSeconds(100));
        UUID dirty = rows.running("A.run", "default", "node-1", CUTOFF.minusNanos(1_000));
        UUID active = rows.running("A.run", "default", "node-1", CUTOFF);
        UUID pending = rows.waiting("A.run", "default", NOW);
        UUID future = rows.waiting("A.run", "default", NOW.plusNanos(1_000));

        assertThat(ids(TaskGroup.FAILED)).containsExactly(failed);
        assertThat(ids(TaskGroup.DIRTY)).containsExactly(dirty);
        assertThat(ids(TaskGroup.ACTIVE)).containsExactly(active);
        assertThat(ids(TaskGroup.PENDING)).containsExactly(pending);
        assertThat(ids(TaskGroup.FUTURE)).containsExactly(future);
        for (TaskGroup group : TaskGroup.values()) {
            assertThat(repository.countTasks(TaskFilter.of(group), NOW, DIRTY_AFTER)).as("count of %s", group).isEqualTo(1);
        }
    }

    @Test
    void aPageIsFilteredByQueueNameAndTimeRangeAndSortedEitherWay() {
        UUID early = rows.waiting("Mailer.welcome", "mail", NOW.minusSeconds(30));
        UUID middle = rows.waiting("Mailer.welcome", "mail", NOW.minusSeconds(20));
        UUID late = rows.waiting("Mailer.welcome", "mail", NOW.minusSeconds(10));
        rows.waiting("Mailer.welcome", "default", NOW.minusSeconds(20));
        rows.waiting("Reports.daily", "mail", NOW.minusSeconds(20));

        TaskFilter mail = new TaskFilter(TaskGroup.PENDING, "mail", "Mailer.welcome", null, null);
        assertThat(page(mail, false, 0, 10)).containsExactly(early, middle, late);
        assertThat(page(mail, true, 0, 10)).containsExactly(late, middle, early);
        assertThat(repository.countTasks(mail, NOW, DIRTY_AFTER)).isEqualTo(3);

        TaskFilter range = new TaskFilter(TaskGroup.PENDING, " mail ", "Mailer.welcome", NOW.minusSeconds(20), NOW.minusSeconds(10));
        assertThat(page(range, false, 0, 10)).containsExactly(middle);
        assertThat(repository.countTasks(range, NOW, DIRTY_AFTER)).isEqualTo(1);
        assertThat(page(new TaskFilter(TaskGroup.PENDING, "", " ", null, null), false, 0, 10)).hasSize(5);
    }

    @Test
    void pagesAreCutInTheDatabase() {
        List<UUID> all = IntStream.range(0, 7).mapToObj(i -> rows.waiting("A.run", "default", NOW.plusSeconds(i + 1))).toList();
        TaskFilter future = TaskFilter.of(TaskGroup.FUTURE);

        assertThat(page(future, false, 0, 3)).containsExactlyElementsOf(all.subList(0, 3));
        assertThat(page(future, false, 3, 3)).containsExactlyElementsOf(all.subList(3, 6));
        assertThat(page(future, false, 6, 3)).containsExactly(all.get(6));
        assertThat(page(future, true, 0, 2)).containsExactly(all.get(6), all.get(5));
        // a page number typed into the URL far past the end: an empty page, not an error
        assertThat(page(future, false, 200_000_000L * 20, 20)).isEmpty();
    }

    @Test
    void aListRowCutsLongArgumentsAndErrors() {
        UUID id = rows.failed("A.run", "default", "node-1", NOW);
        String args = "[\"" + "x".repeat(500) + "\"]";
        rows.execute("UPDATE taskq_task SET args = '" + args + "', error = '" + "e".repeat(400) + "' WHERE id = '" + id + "'");
        UUID small = rows.failed("A.run", "default", "node-1", NOW.plusSeconds(1));

        List<TaskRow> page = repository.findTasks(TaskFilter.of(TaskGroup.FAILED), false, 0, 10, NOW, DIRTY_AFTER);

        assertThat(page.get(0).args()).hasSize(TaskRow.ARGS_PREVIEW).isEqualTo(args.substring(0, TaskRow.ARGS_PREVIEW));
        assertThat(page.get(0).argsCut()).isTrue();
        assertThat(page.get(0).error()).hasSize(TaskRow.ERROR_PREVIEW);
        assertThat(page.get(1).id()).isEqualTo(small);
        assertThat(page.get(1).args()).isEqualTo("[]");
        assertThat(page.get(1).argsCut()).isFalse();
    }

    @Test
    void findTaskReadsEveryFieldAndTheGroup() {
        UUID failed = rows.failed("A.run", "mail", "node-1", NOW.minusSeconds(100));
        rows.execute("UPDATE taskq_task SET args = '[1,\"two\"]', error = 'boom', traceback = 'at A.run', retries = 2 WHERE id = '" + failed + "'");
        UUID dirty = rows.running("A.run", "default", "node-1", CUTOFF.minusNanos(1_000));
        UUID active = rows.running("A.run", "default", "node-1", CUTOFF);
        UUID pending = rows.waiting("A.run", "default", NOW);
        UUID future = rows.waiting("A.run", "default", NOW.plusNanos(1_000));

        assertThat(repository.findTask(failed, NOW, DIRTY_AFTER)).hasValueSatisfying(task -> {
            assertThat(task.name()).isEqualTo("A.run");
            assertThat(task.queue()).isEqualTo("mail");
            assertThat(task.args()).isEqualTo("[1,\"two\"]");
            assertThat(task.error()).isEqualTo("boom");
            assertThat(task.traceback()).isEqualTo("at A.run");
            assertThat(task.retries()).isEqualTo(2);
            assertThat(task.node()).isEqualTo("node-1");
            assertThat(task.aliveAt()).isEqualTo(NOW.minusSeconds(100));
            assertThat(task.group()).isEqualTo(TaskGroup.FAILED);
        });
        assertThat(repository.findTask(dirty, NOW, DIRTY_AFTER).orElseThrow().group()).isEqualTo(TaskGroup.DIRTY);
        assertThat(repository.findTask(active, NOW, DIRTY_AFTER).orElseThrow().group()).isEqualTo(TaskGroup.ACTIVE);
        assertThat(repository.findTask(pending, NOW, DIRTY_AFTER).orElseThrow().group()).isEqualTo(TaskGroup.PENDING);
        assertThat(repository.findTask(future, NOW, DIRTY_AFTER).orElseThrow().group()).isEqualTo(TaskGroup.FUTURE);
        assertThat(repository.findTask(UUID.randomUUID(), NOW, DIRTY_AFTER)).isEmpty();
    }

    @Test
    void retryNowOfAListRetriesOnlyFailedAndDirtyTasks() {
        UUID failed = rows.failed("A.run", "default", "node-1", NOW);
        UUID dirty = rows.running("A.run", "default", "node-1", CUTOFF.minusNanos(1_000));
        UUID active = rows.running("A.run", "default", "node-1", CUTOFF);
        UUID future = rows.waiting("A.run", "default", NOW.plusSeconds(10));

        assertThat(repository.retryNow(List.of(failed, dirty, active, future, UUID.randomUUID()), NOW, DIRTY_AFTER)).isEqualTo(2);
        assertThat(repository.retryNow(List.of(), NOW, DIRTY_AFTER)).isZero();

        assertThat(ids(TaskGroup.PENDING)).containsExactlyInAnyOrder(failed, dirty);
        assertThat(rows.read(failed).retries()).isEqualTo(1);
        assertThat(rows.read(active).started()).isTrue();
        assertThat(rows.read(future).executeAt()).isEqualTo(NOW.plusSeconds(10));
    }

    @Test
    void deleteOfAListNeverDeletesAnActiveTask() {
        UUID failed = rows.failed("A.run", "default", "node-1", NOW);
        UUID active = rows.running("A.run", "default", "node-1", CUTOFF);
        UUID pending = rows.waiting("A.run", "default", NOW);

        assertThat(repository.deleteFailedOrWaiting(List.of(failed, active, pending), NOW, DIRTY_AFTER)).isEqualTo(2);
        assertThat(repository.deleteFailedOrWaiting(List.of(), NOW, DIRTY_AFTER)).isZero();
        assertThat(rows.count()).isEqualTo(1);
        assertThat(rows.exists(active)).isTrue();
    }

    @Test
    void commandsOnAFilterTouchOnlyWhatItMatches() {
        UUID mailFailed = rows.failed("Mailer.welcome", "mail", "node-1", NOW.minusSeconds(10));
        UUID otherFailed = rows.failed("Reports.daily", "mail", "node-1", NOW.minusSeconds(10));
        UUID mailPending = rows.waiting("Mailer.welcome", "mail", NOW.minusSeconds(5));
        UUID mailFuture = rows.waiting("Mailer.welcome", "mail", NOW.plusSeconds(5));

        TaskFilter failedMail = new TaskFilter(TaskGroup.FAILED, "mail", "Mailer.welcome", null, null);
        assertThat(repository.retryNowMatching(failedMail, NOW, DIRTY_AFTER)).isEqualTo(1);
        assertThat(rows.read(mailFailed).failed()).isFalse();
        assertThat(rows.read(otherFailed).failed()).isTrue();

        TaskFilter pendingMail = new TaskFilter(TaskGroup.PENDING, "mail", "Mailer.welcome", null, null);
        assertThat(repository.deleteMatching(pendingMail, NOW, DIRTY_AFTER)).isEqualTo(2); // the retried one is pending now
        assertThat(rows.exists(mailPending)).isFalse();
        assertThat(rows.exists(mailFailed)).isFalse();
        assertThat(rows.exists(mailFuture)).isTrue();
        assertThat(rows.exists(otherFailed)).isTrue();
    }

    @Test
    void commandsOnAFilterRefuseGroupsTheyNeverApplyTo() {
        assertThatThrownBy(() -> repository.retryNowMatching(TaskFilter.of(TaskGroup.PENDING), NOW, DIRTY_AFTER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pending");
        assertThatThrownBy(() -> repository.deleteMatching(TaskFilter.of(TaskGroup.ACTIVE), NOW, DIRTY_AFTER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Active");
    }

    private static List<UUID> ids(TaskGroup group) {
        return page(TaskFilter.of(group), false, 0, 100);
    }

    private static List<UUID> page(TaskFilter filter, boolean newestFirst, long offset, int limit) {
        return repository.findTasks(filter, newestFirst, offset, limit, NOW, DIRTY_AFTER).stream().map(TaskRow::id).toList();
    }
}
