package dev.taskq.cdi;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A datasource that throws the given failure instead of giving a connection, and counts the attempts. */
public final class FailingDataSource implements DataSource {

    private final Supplier<Throwable> failure;
    private final Semaphore attempts = new Semaphore(0);
    private final AtomicInteger allAttempts = new AtomicInteger();

    /** @param failure an SQLException (the database is away), an Error or a RuntimeException, made afresh per attempt */
    public FailingDataSource(Supplier<Throwable> failure) {
        this.failure = failure;
    }

    /** Waits until {@code count} connections were asked for since the last call. @return false if the timeout passed first */
    public boolean awaitAttempts(int count, Duration timeout) throws InterruptedException {
        return attempts.tryAcquire(count, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** How many connections were asked for in all. */
    public int attempts() {
        return allAttempts.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        allAttempts.incrementAndGet();
        attempts.release();
        Throwable thrown = failure.get();
        if (thrown instanceof SQLException sqlException) {
            throw sqlException;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        throw (RuntimeException) thrown;
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
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("FailingDataSource wraps nothing");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
