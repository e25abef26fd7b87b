package dev.taskq.jpa.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * PostgreSQL {@code LISTEN/NOTIFY} on the channel {@value #CHANNEL}, whose payload is a queue name:
 * how an enqueue on one node wakes the idle workers of every node.
 *
 * <p>Sending is plain SQL, run after the enqueuing transaction committed. Receiving needs the driver's {@code org.postgresql.PGConnection}, which
 * is reached by reflection so that taskq compiles and deploys against standard JDBC only; it works
 * wherever the application can load the driver's classes (see {@link DriverNotVisibleException}).
 */
public final class WakeUpChannel {

    /** The notification channel; one per database, shared by every queue. */
    public static final String CHANNEL = "taskq_wakeup";

    private static final String PG_CONNECTION = "org.postgresql.PGConnection";
    private static final String PG_NOTIFICATION = "org.postgresql.PGNotification";

    private WakeUpChannel() {
    }

    /**
     * Sends one notification per queue on a connection of {@code dataSource}. Call it from a thread
     * without a JTA transaction, after the enqueue committed: PostgreSQL refuses to PREPARE a
     * transaction that sent a NOTIFY, so sending it inside the application's transaction would
     * break a two-phase commit.
     */
    public static void notify(DataSource dataSource, Collection<String> queues) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            for (String queue : queues) {
                notify.setString(1, CHANNEL);
                notify.setString(2, queue);
                notify.execute();
            }
        }
    }

    /**
     * Takes a connection of {@code dataSource} for as long as the listener is open and listens on it.
     * Call from a thread without a JTA transaction.
     *
     * @throws DriverNotVisibleException when the PostgreSQL driver's classes cannot be loaded or the
     *         connection does not unwrap to them
     */
    public static Listener listen(DataSource dataSource) throws SQLException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> pgConnection;
        Method getNotifications;
        Method getParameter;
        try {
            pgConnection = Class.forName(PG_CONNECTION, false, loader);
            getNotifications = pgConnection.getMethod("getNotifications", int.class);
            getParameter = Class.forName(PG_NOTIFICATION, false, loader).getMethod("getParameter");
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            throw new DriverNotVisibleException("the application cannot load " + PG_CONNECTION + " (" + e + ")", e);
        }
        Connection connection = dataSource.getConnection();
        try {
            if (!connection.isWrapperFor(pgConnection)) {
                throw new DriverNotVisibleException("the datasource's connections do not unwrap to the " + PG_CONNECTION
                        + " the application sees: not a PostgreSQL datasource, or the driver is loaded twice", null);
            }
            Object pg = connection.unwrap(pgConnection);
            connection.setAutoCommit(true);
            try (Statement listen = connection.createStatement()) {
                listen.execute("LISTEN " + CHANNEL);
            }
            return new Listener(connection, pg, getNotifications, getParameter);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection, e);
            throw e;
        }
    }

    private static void closeQuietly(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** A listening connection. Not thread-safe: one thread waits on it. */
    public static final class Listener implements AutoCloseable {

        private final Connection connection;
        private final Object pg;
        private final Method getNotifications;
        private final Method getParameter;

        private Listener(Connection connection, Object pg, Method getNotifications, Method getParameter) {
            this.connection = connection;
            this.pg = pg;
            this.getNotifications = getNotifications;
            this.getParameter = getParameter;
        }

        /**
         * Waits up to {@code timeout} for notifications.
         *
         * @return the queues named by the notifications that arrived, possibly with repeats; empty on timeout
         * @throws SQLException when the connection is lost
         */
        public List<String> await(Duration timeout) throws SQLException {
            Object[] notifications;
            try {
                notifications = (Object[]) getNotifications.invoke(pg, (int) Math.max(1, Math.min(timeout.toMillis(), Integer.MAX_VALUE)));
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                throw new SQLException("Waiting for notifications failed: " + e.getCause(), e.getCause());
            } catch (IllegalAccessException e) {
                throw new DriverNotVisibleException("cannot call " + getNotifications + ": " + e.getMessage(), e);
            }
            List<String> queues = new ArrayList<>();
            if (notifications != null) {
                for (Object notification : notifications) {
                    try {
                        queues.add((String) getParameter.invoke(notification));
                    } catch (IllegalAccessException | InvocationTargetException e) {
                        throw new SQLException("Reading a notification failed: " + e, e);
                    }
                }
            }
            return queues;
        }

        @Override
        public void close() throws SQLException {
            try (Statement unlisten = connection.createStatement()) {
                unlisten.execute("UNLISTEN " + CHANNEL); // the connection goes back to the pool: it must not keep listening
            } finally {
                connection.close();
            }
        }
    }

    /** The application cannot use the PostgreSQL driver's own API, so it cannot listen. */
    public static final class DriverNotVisibleException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        DriverNotVisibleException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
