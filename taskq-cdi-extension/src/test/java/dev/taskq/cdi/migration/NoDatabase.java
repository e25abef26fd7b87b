package dev.taskq.cdi.migration;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A datasource with no database behind it: it counts how often it is asked for a connection, and refuses. */
public final class NoDatabase implements DataSource {

    static final String REFUSAL = "this test has no database";

    private final AtomicInteger connectionRequests = new AtomicInteger();

    int connectionRequests() {
        return connectionRequests.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        connectionRequests.incrementAndGet();
        throw new SQLException(REFUSAL);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
