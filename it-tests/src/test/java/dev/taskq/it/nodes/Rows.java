package dev.taskq.it.nodes;

import dev.taskq.it.harness.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The test JVM reads the run's database over JDBC: no server's view of it is trusted. */
final class Rows {

    private Rows() {
    }

    /** The single number {@code sql} selects. */
    static long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = TestDatabase.current().connect();
             PreparedStatement select = prepare(connection, sql, parameters);
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The text {@code sql} selects, if it selects a row. */
    static Optional<String> text(String sql, Object... parameters) throws SQLException {
        try (Connection connection = TestDatabase.current().connect();
             PreparedStatement select = prepare(connection, sql, parameters);
             ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
        }
    }

    /** Key and count of each row {@code sql} selects, in order. */
    static Map<String, Long> counts(String sql) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = TestDatabase.current().connect();
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    /** Empties the task and effect tables. */
    static void clear() throws SQLException {
        try (Connection connection = TestDatabase.current().connect();
             Statement delete = connection.createStatement()) {
            delete.execute("DELETE FROM taskq_task");
            delete.execute("DELETE FROM it_effect");
        }
    }
}
