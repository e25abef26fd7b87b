package dev.taskq.jpa.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded PostgreSQL per test class, with an empty database {@code taskq} ready before the
 * class's {@code @BeforeAll} methods run. Every connection's session runs in America/New_York. Register it on a static field:
 * {@code @RegisterExtension static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();}
 */
final class EmbeddedPostgresExtension implements BeforeAllCallback, AfterAllCallback {

    /** The session time zone of every database made here. */
    static final String SESSION_TIME_ZONE = "America/New_York";

    private EmbeddedPostgres server;
    private DataSource dataSource;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = EmbeddedPostgres.builder().start();
        dataSource = createDatabase("taskq");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** The database {@code taskq}; a new connection per call, no pool. */
    DataSource dataSource() {
        return dataSource;
    }

    /** A new empty database on the same server; its connections run in {@link #SESSION_TIME_ZONE}. */
    DataSource createDatabase(String name) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return inSessionTimeZone(server.getDatabase("postgres", name));
    }

    /**
     * Forces a session time zone that is neither UTC nor the JVM's (surefire runs the JVM in
     * Asia/Kolkata), so a time that leans on either zone shows up. It has to be a SET on each
     * connection: pgjdbc sends the JVM's zone as a startup parameter, which beats
     * {@code ALTER DATABASE ... SET timezone}.
     */
    private static DataSource inSessionTimeZone(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof Connection connection) {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("SET TIME ZONE '" + SESSION_TIME_ZONE + "'");
                        }
                    }
                    return result;
                });
    }
}
