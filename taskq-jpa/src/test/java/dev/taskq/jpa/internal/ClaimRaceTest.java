package dev.taskq.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Workers racing for the same queue never run a task twice (db-scheduler's test_concurrency_select_for_update). */
class ClaimRaceTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    private static final Instant NOW = Instant.parse("2025-03-09T07:30:00Z");
    private static final int TASKS = 1_000;
    private static final int WORKERS = 8;
    private static final int BATCH = 10;

    @Test
    void everyTaskIsClaimedByExactlyOneWorker() throws Exception {
        SchemaMigrator.migrate(postgres.dataSource());
        JdbcTaskRepository repository = new JdbcTaskRepository(postgres.dataSource());
        List<NewTask> tasks = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            tasks.add(new NewTask(TimeOrderedUuid.at(NOW), "Race.run", "race", "[" + i + "]", NOW, NOW.minusMillis(i), null));
        }
        repository.insert(tasks);

        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<UUID>>> workers = new ArrayList<>();
        try {
            for (int i = 0; i < WORKERS; i++) {
                String node = "node-" + i;
                workers.add(pool.submit(worker(repository, node, start)));
            }
            start.countDown();
            List<UUID> claimed = new ArrayList<>();
            for (Future<List<UUID>> worker : workers) {
                claimed.addAll(worker.get(2, TimeUnit.MINUTES));
            }

            assertThat(claimed).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(tasks.stream().map(NewTask::id).toList());
            assertThat(new TaskRows(postgres.dataSource()).count()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Claims and deletes batches until a claim comes back empty; returns the ids it claimed. */
    private static Callable<List<UUID>> worker(JdbcTaskRepository repository, String node, CountDownLatch start) {
        return () -> {
            start.await();
            List<UUID> mine = new ArrayList<>();
            List<ClaimedTask> batch;
            while (!(batch = repository.claim("race", BATCH, node, NOW)).isEmpty()) {
                assertThat(batch).hasSizeLessThanOrEqualTo(BATCH);
                for (ClaimedTask task : batch) {
                    mine.add(task.id());
                    repository.delete(task.id(), node);
                }
            }
            return mine;
        };
    }
}
