package dev.taskq.jpa.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes rows in a chosen state straight into the task table and reads them back, so a test can
 * set up and check the table without going through the code under test.
 */
final class TaskRows {

    /** A row as stored. */
    record StoredTask(UUID id, String name, String queue, Instant executeAt, boolean started, Instant startedAt,
            Instant aliveAt, String node, boolean failed, int retries, String error, String traceback) {
    }

    private final DataSource dataSource;

    TaskRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A task that has not started: pending if {@code executeAt} has passed, future otherwise. */
    UUID waiting(String name, String queue, Instant executeAt) {
        return insert(name, queue, executeAt, false, null, null, false);
    }

    /** A started task last heard of at {@code aliveAt}: active or dirty depending on the cutoff. */
    UUID running(String name, String queue, String node, Instant aliveAt) {
        return insert(name, queue, aliveAt.minusSeconds(60), true, aliveAt, node, false);
    }

    /** A task that failed for good on {@code node}: still marked started, as the runner leaves it. */
    UUID failed(String name, String queue, String node, Instant aliveAt) {
        return insert(name, queue, aliveAt.minusSeconds(60), true, aliveAt, node, true);
    }

    StoredTask read(UUID id) {
        List<StoredTask> rows = query("SELECT * FROM taskq_task WHERE id = '" + id + "'");
        if (rows.isEmpty()) {
            throw new AssertionError("task " + id + " is not in the table");
        }
        return rows.get(0);
    }

    boolean exists(UUID id) {
        return !query("SELECT * FROM taskq_task WHERE id = '" + id + "'").isEmpty();
    }

    long count() {
        return Long.parseLong(column("SELECT count(*) FROM taskq_task").get(0));
    }

    void deleteAll() {
        execute("DELETE FROM taskq_task");
    }

    void execute(String sql) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of every row {@code sql} returns, as text. */
    List<String> column(String sql) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private UUID insert(String name, String queue, Instant executeAt, boolean started, Instant aliveAt, String node, boolean failed) {
        UUID id = UUID.randomUUID();
        String sql = """
                INSERT INTO taskq_task (id, name, queue, args, created_at, execute_at, started, started_at, alive_at, node, failed)
                VALUES (?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?)""";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(sql)) {
            int index = 1;
            insert.setObject(index++, id);
            insert.setString(index++, name);
            insert.setString(index++, queue);
            insert.setObject(index++, utc(executeAt));
            insert.setObject(index++, utc(executeAt));
            insert.setBoolean(index++, started);
            insert.setObject(index++, utc(aliveAt));
            insert.setObject(index++, utc(aliveAt));
            insert.setString(index++, node);
            insert.setBoolean(index++, failed);
            insert.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<StoredTask> query(String sql) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<StoredTask> tasks = new ArrayList<>();
            while (rows.next()) {
                tasks.add(new StoredTask(rows.getObject("id", UUID.class), rows.getString("name"), rows.getString("queue"),
                        instant(rows, "execute_at"), rows.getBoolean("started"), instant(rows, "started_at"),
                        instant(rows, "alive_at"), rows.getString("node"), rows.getBoolean("failed"), rows.getInt("retries"),
                        rows.getString("error"), rows.getString("traceback")));
            }
            return tasks;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
