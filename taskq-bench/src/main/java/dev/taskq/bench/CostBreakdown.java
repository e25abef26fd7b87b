package dev.taskq.bench;

import dev.taskq.jpa.internal.ClaimedTask;
import dev.taskq.jpa.internal.JdbcTaskRepository;
import dev.taskq.jpa.internal.NewTask;
import dev.taskq.jpa.internal.TimeOrderedUuid;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Single-threaded measurements of taskq's own repository calls (taskq-jpa's {@link JdbcTaskRepository}, the
 * code the worker and enqueue run), to show where an enqueue and a task spend their time. Not a comparison
 * with db-scheduler: evidence for the optimizations recommended in docs/BENCHMARKS.adoc.
 */
@ApplicationScoped
public class CostBreakdown {

    private static final String NODE = "bench-reference";

    /** taskq-jpa's TaskSql.INSERT (package-private there), word for word. */
    private static final String INSERT = """
            INSERT INTO taskq_task (id, name, queue, args, created_at, execute_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    /** The same database through a non-XA data source (server.xml: jdbc/benchLocal). */
    @Resource(lookup = "jdbc/benchLocal")
    DataSource localDataSource;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;

    private JdbcTaskRepository repository() {
        return new JdbcTaskRepository(dataSource);
    }

    /** {@code n} rows inserted in one JTA transaction, {@code perCall} rows per repository call (1: what enqueue does today). */
    public JsonObject insert(int n, int perCall) throws Exception {
        JdbcTaskRepository repository = repository();
        transaction.setTransactionTimeout(3600);
        transaction.begin();
        long start = System.nanoTime();
        try {
            List<NewTask> chunk = new ArrayList<>(perCall);
            for (int i = 0; i < n; i++) {
                chunk.add(newTask(TaskqWorkloads.STORED, i));
                if (chunk.size() == perCall) {
                    repository.insert(chunk);
                    chunk = new ArrayList<>(perCall);
                }
            }
            if (!chunk.isEmpty()) {
                repository.insert(chunk);
            }
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        } finally {
            transaction.setTransactionTimeout(0);
        }
        transaction.commit();
        return Measure.rate(n, System.nanoTime() - start).add("rowsPerCall", perCall).build();
    }

    /**
     * The floor under {@link #insert} with one row per call: the same INSERT statement, but one connection
     * and one prepared statement for all {@code n} rows, {@code executeUpdate} per row, in one JTA transaction.
     * The difference to {@code insert(n, 1)} is what taking a connection handle and preparing the statement
     * again costs on every enqueue.
     */
    public JsonObject insertOneStatement(int n) throws Exception {
        transaction.setTransactionTimeout(3600);
        transaction.begin();
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < n; i++) {
                NewTask task = newTask(TaskqWorkloads.STORED, i);
                insert.setObject(1, task.id());
                insert.setString(2, task.name());
                insert.setString(3, task.queue());
                insert.setString(4, task.args());
                insert.setObject(5, task.createdAt().atOffset(ZoneOffset.UTC));
                insert.setObject(6, task.executeAt().atOffset(ZoneOffset.UTC));
                insert.setObject(7, null);
                insert.executeUpdate();
            }
        } catch (RuntimeException | SQLException e) {
            transaction.rollback();
            throw e;
        } finally {
            transaction.setTransactionTimeout(0);
        }
        transaction.commit();
        return Measure.rate(n, System.nanoTime() - start).add("rowsPerCall", 1).build();
    }

    /**
     * {@code n} pending rows (inserted untimed), then claimed {@code limit} at a time with the worker's claim
     * statement until none is left. Per claimed task: the cost of the lease.
     */
    public JsonObject claim(int n, int limit) throws Exception {
        JdbcTaskRepository repository = repository();
        String queue = "claim" + limit;
        insertPending(repository, queue, n);
        long start = System.nanoTime();
        int claimed = 0;
        int statements = 0;
        List<ClaimedTask> batch;
        do {
            batch = repository.claim(queue, limit, NODE, Instant.now());
            claimed += batch.size();
            statements++;
        } while (!batch.isEmpty());
        long elapsed = System.nanoTime() - start;
        return Measure.rate(claimed, elapsed).add("limit", limit).add("statements", statements).build();
    }

    /**
     * {@code n} claimed rows (claimed untimed), then completed one by one with the worker's delete: inside a JTA
     * transaction each (taskq's atomic completion, without the task call) or auto-committed; through the XA
     * DefaultDataSource or, with {@code local}, through a non-XA data source on the same database.
     */
    public JsonObject complete(int n, boolean jta, boolean local) throws Exception {
        JdbcTaskRepository repository = local ? new JdbcTaskRepository(localDataSource) : repository();
        String queue = (jta ? "complete-jta" : "complete-auto") + (local ? "-local" : "");
        insertPending(repository, queue, n);
        List<UUID> ids = new ArrayList<>(n);
        List<ClaimedTask> batch;
        while (!(batch = repository.claim(queue, 1000, NODE, Instant.now())).isEmpty()) {
            batch.forEach(task -> ids.add(task.id()));
        }
        long start = System.nanoTime();
        for (UUID id : ids) {
            if (jta) {
                transaction.begin();
                repository.delete(id, NODE);
                transaction.commit();
            } else {
                repository.delete(id, NODE);
            }
        }
        return Measure.rate(ids.size(), System.nanoTime() - start).add("jta", jta).add("local", local).build();
    }

    private void insertPending(JdbcTaskRepository repository, String queue, int n) {
        List<NewTask> chunk = new ArrayList<>(1000);
        for (int i = 0; i < n; i++) {
            chunk.add(newTask(queue, i));
            if (chunk.size() == 1000) {
                repository.insert(chunk);
                chunk = new ArrayList<>(1000);
            }
        }
        if (!chunk.isEmpty()) {
            repository.insert(chunk);
        }
    }

    private static NewTask newTask(String queue, long sequence) {
        Instant now = Instant.now();
        return new NewTask(TimeOrderedUuid.at(now), "bench.noop", queue, "[" + sequence + "]", now, now.minus(Duration.ofSeconds(1)), null);
    }
}
