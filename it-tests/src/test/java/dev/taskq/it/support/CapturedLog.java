package dev.taskq.it.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What one java.util.logging logger logs while this is open. In-container tests share the
 * server's JVM with taskq, so they see taskq's log lines as they are written. Thread-safe.
 */
public final class CapturedLog extends Handler implements AutoCloseable {

    /** Held strongly: java.util.logging keeps loggers only weakly, and a collected one would lose this handler. */
    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private CapturedLog(Logger logger) {
        this.logger = logger;
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    /** Starts collecting what the logger of {@code loggerName} (a class name, for taskq's loggers) logs. */
    public static CapturedLog of(String loggerName) {
        return new CapturedLog(Logger.getLogger(loggerName));
    }

    /** The messages logged at exactly {@code level} that contain every one of {@code parts}. */
    public List<LogRecord> at(Level level, String... parts) {
        return records.stream()
                .filter(record -> record.getLevel().equals(level))
                .filter(record -> record.getMessage() != null && List.of(parts).stream().allMatch(record.getMessage()::contains))
                .toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
