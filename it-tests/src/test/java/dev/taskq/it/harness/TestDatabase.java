package dev.taskq.it.harness;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for one test run. By default an embedded PostgreSQL (real binaries
 * from Maven Central) on a free port; with {@code TASKQ_IT_DB_HOST} set, a new database on that
 * server instead ({@code TASKQ_IT_DB_PORT}, {@code TASKQ_IT_DB_USER}, {@code TASKQ_IT_DB_PASSWORD};
 * defaults 5432, postgres, empty), dropped again at the end.
 */
public final class TestDatabase implements AutoCloseable {

    private static volatile TestDatabase current;

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String name;

    private TestDatabase(EmbeddedPostgres embedded, String host, int port, String user, String password, String name) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    static TestDatabase start() throws IOException, SQLException {
        String externalHost = System.getenv("TASKQ_IT_DB_HOST");
        String name = "taskq_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        TestDatabase database;
        if (externalHost == null || externalHost.isBlank()) {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            database = new TestDatabase(embedded, "localhost", embedded.getPort(), "postgres", "", name);
        } else {
            database = new TestDatabase(null, externalHost, Integer.parseInt(env("TASKQ_IT_DB_PORT", "5432")),
                    env("TASKQ_IT_DB_USER", "postgres"), env("TASKQ_IT_DB_PASSWORD", ""), name);
        }
        database.execute("CREATE DATABASE " + name);
        current = database;
        System.out.println("taskq integration tests use database " + name + " on " + database.host + ":" + database.port
                + (database.embedded != null ? " (embedded PostgreSQL)" : ""));
        return database;
    }

    /** The database of this run, for tests that run as a client of the server (in the test JVM). */
    public static TestDatabase current() {
        if (current == null) {
            throw new IllegalStateException("The test database is started with the container; this test must run under Arquillian");
        }
        return current;
    }

    /** The embedded PostgreSQL of this run; null when the tests use an external server. */
    EmbeddedPostgres embedded() {
        return embedded;
    }

    /** A new connection to the run's database; autocommit. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + name, user, password);
    }

    /** Points the server's datasource variables at this database (configDropins/overrides wins over server.xml). */
    void writeServerVariables(Path overrides) throws IOException {
        Files.createDirectories(overrides);
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <server>
                  <variable name="taskq.db.host" value="%s"/>
                  <variable name="taskq.db.port" value="%d"/>
                  <variable name="taskq.db.name" value="%s"/>
                  <variable name="taskq.db.user" value="%s"/>
                  <variable name="taskq.db.password" value="%s"/>
                </server>
                """.formatted(host, port, name, user, password);
        Files.writeString(overrides.resolve("test-database.xml"), xml, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        try {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private void execute(String sql) throws SQLException {
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
