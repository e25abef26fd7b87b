package dev.taskq.jpa.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads and writes the task table with the statements of {@link TaskSql}.
 *
 * <p>Each call takes a connection from the container's {@link DataSource} and gives it back, so
 * it joins the JTA transaction active on the calling thread (enqueue, complete) or, with none,
 * commits at once (claim, fail). Thread-safe.
 */
public class JdbcTaskRepository {

    private final DataSource dataSource;

    public JdbcTaskRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Inserts the tasks: one row with {@link TaskSql#INSERT}, several in one statement ({@link TaskSql#INSERT_MANY}). */
    public void insert(List<NewTask> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (tasks.size() == 1) {
                insertOne(connection, tasks.get(0));
            } else {
                insertMany(connection, tasks);
            }
        } catch (SQLException e) {
            throw new TaskDataAccessException("Could not insert " + tasks.size() + " task(s)" + (tasks.isEmpty() ? "" : ", first " + tasks.get(0).name())
                    + ": " + e.getMessage() + ". Nothing was enqueued; check that the taskq_task table exists (taskq.migrate)"
                    + " and the datasource is reachable.", e);
        }
    }

    private static void insertOne(Connection connection, NewTask task) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(TaskSql.INSERT)) {
            int index = 1;
            insert.setObject(index++, task.id());                    // id
            insert.setString(index++, task.name());                  // name
            insert.setString(index++, task.queue());                 // queue
            insert.setString(index++, task.args());                  // args
            insert.setObject(index++, utc(task.createdAt()));        // created_at
            insert.setObject(index++, utc(task.executeAt()));        // execute_at
            insert.setObject(index++, utc(task.expiresAt()));        // expires_at
            insert.executeUpdate();
        }
    }

    private static void insertMany(Connection connection, List<NewTask> tasks) throws SQLException {
        int size = tasks.size();
        Object[] ids = new Object[size];
        String[] names = new String[size];
        String[] queues = new String[size];
        String[] args = new String[size];
        String[] createdAt = new String[size];
        String[] executeAt = new String[size];
        String[] expiresAt = new String[size];
        for (int i = 0; i < size; i++) {
            NewTask task = tasks.get(i);
            ids[i] = task.id();
            names[i] = task.name();
            queues[i] = task.queue();
            args[i] = task.args();
            createdAt[i] = text(task.createdAt());
            executeAt[i] = text(task.executeAt());
            expiresAt[i] = text(task.expiresAt());
        }
        try (PreparedStatement insert = connection.prepareStatement(TaskSql.INSERT_MANY)) {
            int index = 1;
            insert.setArray(index++, connection.createArrayOf("uuid", ids));       // id
            insert.setArray(index++, connection.createArrayOf("varchar", names));  // name
            insert.setArray(index++, connection.createArrayOf("varchar", queues)); // queue
            insert.setArray(index++, connection.createArrayOf("text", args));      // args
            insert.setArray(index++, connection.createArrayOf("text", createdAt)); // created_at
            insert.setArray(index++, connection.createArrayOf("text", executeAt)); // execute_at
            insert.setArray(index++, connection.createArrayOf("text", expiresAt)); // expires_at
            insert.executeUpdate();
        }
    }

    /** ISO 8601 in UTC to the microsecond, PostgreSQL's precision, for a timestamptz array element. */
    private static String text(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).toString();
    }

    /**
     * Claims up to {@code limit} due tasks of {@code queue} for {@code node} and marks them started.
     *
     * @return the claimed tasks, oldest due first; empty when none is due
     */
    public List<ClaimedTask> claim(String queue, int limit, String node, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement(TaskSql.CLAIM)) {
            int index = 1;
            claim.setString(index++, queue);         // queue
            claim.setObject(index++, utc(now));      // execute_at <= now
            claim.setInt(index++, limit);            // limit
            claim.setObject(index++, utc(now));      // started_at
            claim.setObject(index++, utc(now));      // alive_at
            claim.setString(index++, node);          // node
            List<ClaimedTask> claimed = new ArrayList<>(limit);
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new ClaimedTask(rows.getObject("id", UUID.class), rows.getString("name"),
                            rows.getString("queue"), rows.getString("args"), rows.getInt("retries"),
                            instant(rows.getObject("execute_at", OffsetDateTime.class)),
                            instant(rows.getObject("expires_at", OffsetDateTime.class))));
                }
            }
            // RETURNING gives rows in no particular order; run the oldest first.
            claimed.sort((a, b) -> a.executeAt().compareTo(b.executeAt()));
            return claimed;
        } catch (SQLException e) {
            throw new TaskDataAccessException("Could not claim tasks of queue '" + queue + "': " + e.getMessage(), e);
        }
    }

    /** Deletes a task {@code node} holds: its success, or its expiry. @return true if the row was there and still this node's */
    public boolean delete(UUID id, String node) {
        return updateClaimed(TaskSql.DELETE, "delete", id, node) == 1;
    }

    /**
     * Deletes, in one statement, tasks {@code node} holds whose calls have committed (batched completion).
     *
     * @return how many rows went; fewer than listed when a person retried or deleted some meanwhile
     */
    public int deleteCompleted(Collection<UUID> ids, String node) {
        if (ids.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(TaskSql.DELETE_COMPLETED)) {
            delete.setArray(1, connection.createArrayOf("uuid", ids.toArray())); // ids
            delete.setString(2, node);                                          // node
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new TaskDataAccessException("Could not delete " + ids.size() + " completed task(s) of node '" + node + "': "
                    + e.getMessage() + ". They stay started until a later attempt succeeds, and show as dirty meanwhile.", e);
        }
    }

    /** Deletes the task only if it has not started. @return true if a waiting row was deleted */
    public boolean deleteUnstarted(UUID id) {
        return updateById(TaskSql.DELETE_UNSTARTED, "revoke", id) == 1;
    }

    /** Makes a claimed task waiting again, as if never claimed: for tasks a stopping node could not start. */
    public boolean release(UUID id, String node) {
        return updateClaimed(TaskSql.RELEASE, "release", id, node) == 1;
    }

    /** Marks the task failed, keeping the row, its error line and its stack trace for a person. */
    public void markFailed(UUID id, String node, String error, String traceback, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(TaskSql.MARK_FAILED)) {
            int index = 1;
            update.setObject(index++, utc(now));     // alive_at
            update.setString(index++, error);        // error
            update.setString(index++, traceback);    // traceback
            update.setObject(index++, id);           // id
            update.setString(index++, node);         // node
            update.executeUpdate();
        } catch (SQLException e) {
            throw new TaskDataAccessException("Could not mark task " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** Puts the task back to wait until {@code executeAt}, one retry more, keeping the error. */
    public void scheduleRetry(UUID id, String node, Instant executeAt, String error, String traceback) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(TaskSql.SCHEDULE_RETRY)) {
            int index = 1;
            update.setObject(index++, utc(executeAt)); // execute_at
            update.setString(index++, error);          // error
            update.setString(index++, traceback);      // traceback
            update.setObject(index++, id);             // id
            update.setString(index++, node);           // node
            update.executeUpdate();
        } catch (SQLException e) {
            throw new TaskDataAccessException("Could not schedule a retry of task " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets {@code alive_at} of the listed tasks that are still running on {@code node}, in one statement.
     *
     * @return how many rows were kept alive; fewer than listed when some finished, failed or were retried meanwhile
     */
    public int heartbeat(String node, Collection<UUID> runningIds, Instant now) {
        if (runningIds.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(TaskSql.HEARTBEAT)) {
            int index = 1;
            update.setObject(index++, utc(now));                                            // alive_at
            update.setArray(index++, connection.createArrayOf("uuid", runningIds.toArray())); // ids
            update.setString(index++, node);                                                // node
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new TaskDataAccessException("Could not record the heartbeat of " + runningIds.size() + " task(s) of node '"
                    + node + "': " + e.getMessage() + ". They will turn dirty unless a later heartbeat succeeds.", e);
        }
    }

    /**
     * Counts the five groups per task name and queue at {@code now}; a started task is dirty once its
     * heartbeat is older than {@code dirtyAfter}. Ordered by name, then queue; names with no task are absent.
     */
    public List<TaskStateCount> countStates(Instant now, Duration dirtyAfter) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(TaskSql.COUNT_STATES)) {
            bindStateCounts(select, now, dirtyAfter);
            List<TaskStateCount> counts = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.add(new TaskStateCount(rows.getString("name"), rows.getString("queue"), rows.getLong("failed"),
                            rows.getLong("dirty"), rows.getLong("active"), rows.getLong("pending"), rows.getLong("future"),
                            instant(rows.getObject("oldest_pending", OffsetDateTime.class))));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new TaskDataAccessException("Could not count the tasks per state: " + e.getMessage(), e);
        }
    }

    /** The five groups of {@link #countStates} summed over all names and queues, in one query. */
    public StateTotals totals(Instant now, Duration dirtyAfter) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(TaskSql.TOTALS)) {
            bindStateCounts(select, now, dirtyAfter);
            try (ResultSet rows = select.executeQuery()) {
                rows.next(); // an aggregate without GROUP BY always gives one row
                return new StateTotals(rows.getLong("failed"), rows.getLong("dirty"), rows.getLong("active"),
                        rows.getLong("pending"), rows.getLong("future"),
                        Optional.ofNullable(instant(rows.getObject("oldest_pending", OffsetDateTime.class))));
            }
        } catch (SQLException e) {
            throw new TaskDataAccessException("Could not count the tasks per state: " + e.getMessage(), e);
        }
    }

    /** Up to {@code limit} dirty tasks at {@code now}, the longest silent first. */
    public List<DirtyTask> findDirty(Instant now, Duration dirtyAfter, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(TaskSql.FIND_DIRTY)) {
            int index = 1;
            select.setObject(index++, utc(now.minus(dirtyAfter))); // alive_at < cutoff
            select.setInt(index++, limit);                         // limit
            List<DirtyTask> dirty = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    dirty.add(new DirtyTask(rows.getObject("id", UUID.class), rows.getString("name"), rows.getString("queue"),
                            rows.getString("node"), instant(rows.getObject("alive_at", OffsetDateTime.class))));
                }
            }
            return dirty;
        } catch (SQLException e) {
            throw new TaskDataAccessException("Could not list the dirty tasks: " + e.getMessage(), e);
        }
    }

    /**
     * "Retry now": makes a failed or dirty task pending again, due at {@code now}, with one retry more
     * and its error cleared.
     *
     * @return false if the task is gone, waiting, or active (its heartbeat is younger than {@code dirtyAfter})
     */
    public boolean retryNow(UUID id, Instant now, Duration dirtyAfter) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(TaskSql.RETRY_NOW)) {
            int index = 1;
            update.setObject(index++, utc(now));                   // execute_at
            update.setObject(index++, id);                         // id
            update.setObject(index++, utc(now.minus(dirtyAfter))); // alive_at < cutoff
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new TaskDataAccessException("Could not retry task " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes a failed, dirty, pending or future task; never an active one, whose worker is still running it.
     *
     * @return false if the task is gone or active
     */
    public boolean deleteFailedOrWaiting(UUID id, Instant now, Duration dirtyAfter) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(TaskSql.DELETE_UNLESS_ACTIVE)) {
            int index = 1;
            delete.setObject(index++, id);                         // id
            delete.setObject(index++, utc(now.minus(dirtyAfter))); // alive_at >= cutoff is active
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new TaskDataAccessException("Could not delete task " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * One page of the tasks a filter matches at {@code now}, ordered by execute_at (then id), oldest
     * first unless {@code newestFirst}; the database skips {@code offset} rows and returns at most {@code limit}.
     */
    public List<TaskRow> findTasks(TaskFilter filter, boolean newestFirst, long offset, int limit, Instant now, Duration dirtyAfter) {
        TaskConditions conditions = TaskConditions.of(filter, now, dirtyAfter);
        String direction = newestFirst ? "DESC" : "ASC";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(TaskSql.PAGE.formatted(conditions.sql(), direction, direction))) {
            int index = conditions.bind(select, 1);
            select.setInt(index++, limit);           // limit
            select.setLong(index++, offset);         // offset
            List<TaskRow> page = new ArrayList<>(limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    page.add(new TaskRow(rows.getObject("id", UUID.class), rows.getString("name"), rows.getString("queue"),
                            rows.getString("args"), rows.getBoolean("args_cut"),
                            instant(rows.getObject("execute_at", OffsetDateTime.class)), rows.getInt("retries"),
                            rows.getString("error"), rows.getString("node"), instant(rows.getObject("alive_at", OffsetDateTime.class))));
                }
            }
            return page;
        } catch (SQLException e) {
            throw new TaskDataAccessException("Could not list the " + filter.group().key() + " tasks: " + e.getMessage(), e);
        }
    }

    /** How many tasks a filter matches at {@code now}. */
    public long countTasks(TaskFilter filter, Instant now, Duration dirtyAfter) {
        TaskConditions conditions = TaskConditions.of(filter, now, dirtyAfter);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(TaskSql.COUNT.formatted(conditions.sql()))) {
            conditions.bind(select, 1);
            try (ResultSet rows = select.executeQuery()) {
                rows.next(); // count(*) always gives one row
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new TaskDataAccessException("Could not count the " + filter.group().key() + " tasks: " + e.getMessage(), e);
        }
    }

    /** Every field of one task and its group at {@code now}; empty if there is no such task. */
    public Optional<TaskDetail> findTask(UUID id, Instant now, Duration dirtyAfter) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(TaskSql.FIND)) {
            int index = 1;
            select.setObject(index++, utc(now.minus(dirtyAfter))); // dirty: alive_at < cutoff
            select.setObject(index++, utc(now));                   // pending: execute_at <= now
            select.setObject(index++, id);                         // id
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new TaskDetail(rows.getObject("id", UUID.class), rows.getString("name"), rows.getString("queue"),
                        rows.getString("args"), instant(rows.getObject("created_at", OffsetDateTime.class)),
                        instant(rows.getObject("execute_at", OffsetDateTime.class)),
                        instant(rows.getObject("expires_at", OffsetDateTime.class)), rows.getBoolean("started"),
                        instant(rows.getObject("started_at", OffsetDateTime.class)),
                        instant(rows.getObject("alive_at", OffsetDateTime.class)), rows.getString("node"),
                        rows.getBoolean("failed"), rows.getInt("retries"), rows.getString("error"), rows.getString("traceback"),
                        TaskGroup.valueOf(rows.getString("task_group"))));
            }
        } catch (SQLException e) {
            throw new TaskDataAccessException("Could not read task " + id + ": " + e.getMessage(), e);
        }
    }

    /** {@link #retryNow(UUID, Instant, Duration)} for each listed task, in one statement. @return how many were retried */
    public int retryNow(Collection<UUID> ids, Instant now, Duration dirtyAfter) {
        if (ids.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(TaskSql.RETRY_NOW_ALL)) {
            int index = 1;
            update.setObject(index++, utc(now));                                      // execute_at
            update.setArray(index++, connection.createArrayOf("uuid", ids.toArray())); // ids
            update.setObject(index++, utc(now.minus(dirtyAfter)));                    // alive_at < cutoff
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new TaskDataAccessException("Could not retry " + ids.size() + " task(s): " + e.getMessage(), e);
        }
    }

    /** {@link #deleteFailedOrWaiting(UUID, Instant, Duration)} for each listed task, in one statement. @return how many were deleted */
    public int deleteFailedOrWaiting(Collection<UUID> ids, Instant now, Duration dirtyAfter) {
        if (ids.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(TaskSql.DELETE_UNLESS_ACTIVE_ALL)) {
            int index = 1;
            delete.setArray(index++, connection.createArrayOf("uuid", ids.toArray())); // ids
            delete.setObject(index++, utc(now.minus(dirtyAfter)));                    // alive_at >= cutoff is active
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new TaskDataAccessException("Could not delete " + ids.size() + " task(s): " + e.getMessage(), e);
        }
    }

    /**
     * "Retry now" for every task a filter of the failed or dirty group matches at {@code now}.
     *
     * @return how many were retried
     * @throws IllegalArgumentException for another group
     */
    public int retryNowMatching(TaskFilter filter, Instant now, Duration dirtyAfter) {
        if (!filter.group().retryable()) {
            throw new IllegalArgumentException("Only failed and dirty tasks can be retried, not " + filter.group().key() + " ones");
        }
        TaskConditions conditions = TaskConditions.of(filter, now, dirtyAfter);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(TaskSql.RETRY_NOW_MATCHING.formatted(conditions.sql()))) {
            update.setObject(1, utc(now));           // execute_at
            conditions.bind(update, 2);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new TaskDataAccessException("Could not retry the matching " + filter.group().key() + " tasks: " + e.getMessage(), e);
        }
    }

    /**
     * Deletes every task a filter matches at {@code now}, for any group but active.
     *
     * @return how many were deleted
     * @throws IllegalArgumentException for the active group
     */
    public int deleteMatching(TaskFilter filter, Instant now, Duration dirtyAfter) {
        if (!filter.group().deletable()) {
            throw new IllegalArgumentException("Active tasks cannot be deleted: their workers are still running them");
        }
        TaskConditions conditions = TaskConditions.of(filter, now, dirtyAfter);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(TaskSql.DELETE_MATCHING.formatted(conditions.sql()))) {
            conditions.bind(delete, 1);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new TaskDataAccessException("Could not delete the matching " + filter.group().key() + " tasks: " + e.getMessage(), e);
        }
    }

    private static void bindStateCounts(PreparedStatement select, Instant now, Duration dirtyAfter) throws SQLException {
        OffsetDateTime cutoff = utc(now.minus(dirtyAfter));
        int index = 1;
        select.setObject(index++, cutoff);   // dirty: alive_at < cutoff
        select.setObject(index++, cutoff);   // active: alive_at >= cutoff
        select.setObject(index++, utc(now)); // pending: execute_at <= now
        select.setObject(index++, utc(now)); // future: execute_at > now
        select.setObject(index++, utc(now)); // oldest pending: execute_at <= now
    }

    private int updateClaimed(String sql, String operation, UUID id, String node) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, id);                 // id
            update.setString(2, node);               // node
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new TaskDataAccessException("Could not " + operation + " task " + id + ": " + e.getMessage(), e);
        }
    }

    private int updateById(String sql, String operation, UUID id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, id);                 // id
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new TaskDataAccessException("Could not " + operation + " task " + id + ": " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
