package dev.taskq.bench.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run's own database on an existing PostgreSQL: created fresh ({@code taskq_bench_<timestamp>}),
 * emptied and checkpointed before every measurement, dropped at the end.
 */
final class BenchDatabase implements AutoCloseable {

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String name;
    private Connection connection;
    private boolean dropped;

    private BenchDatabase(String host, int port, String user, String password, String name) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** Creates the database and db-scheduler's table in it; taskq creates its own table (Flyway) when the WAR starts. */
    static BenchDatabase create(String host, int port, String user, String password) throws SQLException, IOException {
        String name = "taskq_bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
        try (Connection admin = DriverManager.getConnection(url(host, port, "postgres"), user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        BenchDatabase database = new BenchDatabase(host, port, user, password, name);
        database.connection = DriverManager.getConnection(url(host, port, name), user, password);
        try (InputStream sql = BenchDatabase.class.getResourceAsStream("/db-scheduler-postgresql.sql");
             Statement statement = database.connection.createStatement()) {
            statement.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
            statement.execute("CREATE TABLE bench_effect (seq bigint NOT NULL)"); // what the writing tasks of both systems insert
        }
        return database;
    }

    String name() {
        return name;
    }

    String version() throws SQLException {
        return single("SHOW server_version");
    }

    /** Points the Liberty server at this database (configDropins/overrides, read at server start). */
    void writeServerVariables(Path serverDir) throws IOException {
        Path overrides = serverDir.resolve("configDropins").resolve("overrides");
        Files.createDirectories(overrides);
        Files.writeString(overrides.resolve("bench-db.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- written by the benchmark launcher before every start -->
                <server>
                  <variable name="bench.db.host" value="%s"/>
                  <variable name="bench.db.port" value="%d"/>
                  <variable name="bench.db.name" value="%s"/>
                  <variable name="bench.db.user" value="%s"/>
                  <variable name="bench.db.password" value="%s"/>
                </server>
                """.formatted(xml(host), port, xml(name), xml(user), xml(password)), StandardCharsets.UTF_8);
    }

    /** Before every measurement: both task tables and the writing tasks' table empty, dirty pages written, so no run pays for an earlier one. */
    void prepare() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE taskq_task, scheduled_tasks, bench_effect");
            statement.execute("CHECKPOINT");
        }
    }

    /**
     * Cumulative counters of this database, of both task tables and their claim indexes, and of the server's
     * write-ahead log (how often it was flushed to disk: each commit waits for one, or for a neighbour's that covered it).
     */
    Map<String, Long> counters() throws SQLException {
        Map<String, Long> counters = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rows = statement.executeQuery("""
                    SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()""")) {
                rows.next();
                counters.put("xact_commit", rows.getLong(1));
                counters.put("xact_rollback", rows.getLong(2));
            }
            try (ResultSet rows = statement.executeQuery("""
                    SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del FROM pg_stat_user_tables
                    WHERE relname IN ('taskq_task', 'scheduled_tasks')""")) {
                while (rows.next()) {
                    String table = rows.getString(1);
                    counters.put(table + ".ins", rows.getLong(2));
                    counters.put(table + ".upd", rows.getLong(3));
                    counters.put(table + ".hot_upd", rows.getLong(4));
                    counters.put(table + ".del", rows.getLong(5));
                }
            }
            if (connection.getMetaData().getDatabaseMajorVersion() >= 14) { // pg_stat_wal came with PostgreSQL 14
                try (ResultSet rows = statement.executeQuery("SELECT wal_sync, wal_records FROM pg_stat_wal")) {
                    rows.next();
                    counters.put("wal_sync", rows.getLong(1));
                    counters.put("wal_records", rows.getLong(2));
                }
            }
            try (ResultSet rows = statement.executeQuery("""
                    SELECT indexrelname, idx_scan FROM pg_stat_user_indexes
                    WHERE indexrelname IN ('taskq_task_due_idx', 'execution_time_idx', 'priority_execution_time_idx')""")) {
                while (rows.next()) {
                    counters.put(rows.getString(1) + ".scans", rows.getLong(2));
                }
            }
        }
        return counters;
    }

    private String single(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Drops the database, even if a connection is still open (the server is stopped by then). Runs once. */
    @Override
    public synchronized void close() throws SQLException {
        if (dropped) {
            return;
        }
        dropped = true;
        if (connection != null) {
            connection.close();
        }
        try (Connection admin = DriverManager.getConnection(url(host, port, "postgres"), user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static String url(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private static String xml(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
