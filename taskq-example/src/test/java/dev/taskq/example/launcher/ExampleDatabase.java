package dev.taskq.example.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The example's PostgreSQL: the one named by the {@code TASKQ_EXAMPLE_DB_*} environment variables
 * when {@code TASKQ_EXAMPLE_DB_HOST} is set, otherwise an embedded one that starts empty.
 */
final class ExampleDatabase implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String name;
    private final String user;
    private final String password;

    private ExampleDatabase(EmbeddedPostgres embedded, String host, int port, String name, String user, String password) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.name = name;
        this.user = user;
        this.password = password;
    }

    /** @param workDir where the embedded PostgreSQL's binaries and data go (inside target/) */
    static ExampleDatabase start(Path workDir) throws IOException {
        String host = env("TASKQ_EXAMPLE_DB_HOST", "");
        return host.isEmpty() ? embedded(workDir) : configured(host);
    }

    private static ExampleDatabase embedded(Path workDir) throws IOException {
        // zonky looks for stale data directories in its working directory; keep it in target/, not /tmp
        System.setProperty("ot.epg.working-dir", workDir.toString());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(workDir.toFile())
                .setDataDirectory(workDir.resolve("data-" + UUID.randomUUID()))
                // the launcher stops it itself, after Liberty, so that no task loses its database mid-run
                .setRegisterShutdownHook(false)
                .start();
        return new ExampleDatabase(postgres, "localhost", postgres.getPort(), "postgres", "postgres", "");
    }

    private static ExampleDatabase configured(String host) {
        String portText = env("TASKQ_EXAMPLE_DB_PORT", "5432");
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("TASKQ_EXAMPLE_DB_PORT is '" + portText + "'; it must be a port number such as 5432", e);
        }
        ExampleDatabase database = new ExampleDatabase(null, host, port, env("TASKQ_EXAMPLE_DB_NAME", "postgres"),
                env("TASKQ_EXAMPLE_DB_USER", "postgres"), env("TASKQ_EXAMPLE_DB_PASSWORD", ""));
        database.checkConnection();
        return database;
    }

    /** Fails before Liberty starts, with a message that says which setting to fix. */
    private void checkConnection() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {host});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(name);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to " + description() + ": " + e.getMessage()
                    + "\nCheck TASKQ_EXAMPLE_DB_HOST, _PORT, _NAME, _USER and _PASSWORD, or unset TASKQ_EXAMPLE_DB_HOST for an embedded database.", e);
        }
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    String description() {
        return embedded != null
                ? "embedded PostgreSQL on port " + port + " (it starts empty every time)"
                : "PostgreSQL database '" + name + "' at " + host + ":" + port + " as user '" + user + "'";
    }

    /** Points the server's datasource at this database: configDropins/overrides wins over server.xml. */
    void writeServerVariables(Path serverDir) throws IOException {
        Path overrides = serverDir.resolve("configDropins").resolve("overrides");
        Files.createDirectories(overrides);
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- written by the example's launcher at every start -->
                <server>
                  <variable name="example.db.host" value="%s"/>
                  <variable name="example.db.port" value="%d"/>
                  <variable name="example.db.name" value="%s"/>
                  <variable name="example.db.user" value="%s"/>
                  <variable name="example.db.password" value="%s"/>
                </server>
                """.formatted(xml(host), port, xml(name), xml(user), xml(password));
        Files.writeString(overrides.resolve("database.xml"), xml, StandardCharsets.UTF_8);
    }

    /** Stops an embedded database (and deletes its data); a configured one is left as it is. */
    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }

    private static String xml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
