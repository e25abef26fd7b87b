package dev.taskq.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The work of the writing tasks, the same for both systems: one row inserted into {@code bench_effect}, on the
 * application's data source. A taskq task runs inside taskq's JTA transaction, so its row and the removal of its
 * task row commit together; a db-scheduler task runs on db-scheduler's own thread with no JTA transaction, so its
 * row commits on its own (auto-commit, the cheapest way it can) and db-scheduler then deletes its execution.
 */
public final class BenchEffects {

    private static final String INSERT = "INSERT INTO bench_effect (seq) VALUES (?)";

    private BenchEffects() {
    }

    public static void insert(DataSource dataSource, long sequence) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, sequence);
            insert.executeUpdate();
        }
        Probe.ran();
    }

    /** How many rows the writing tasks have committed. */
    public static long count(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM bench_effect");
             var rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
