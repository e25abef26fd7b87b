package dev.taskq.it.console;

import dev.taskq.it.harness.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes task rows in every group straight into the run's database, from the test JVM. The console
 * deployment runs with {@code taskq.dirty-after=1h} and works only queue {@code default}: rows of other
 * queues stay where they are put, an "active" row (alive now) stays active, a "dirty" one is 2 h silent.
 */
final class Seed {

    static final String TRACE = """
            jakarta.mail.MessagingException: 550 5.1.1 <ada@example.com>: mailbox unavailable
            \tat com.acme.mail.SmtpGateway.send(SmtpGateway.java:88)
            \tat com.acme.mail.Mailer.welcome(Mailer.java:31)
            \tat com.acme.mail.Mailer$Proxy$_$$_WeldSubclass.welcome(Unknown Source)
            \tat dev.taskq.cdi.internal.TaskInvoker.invoke(TaskInvoker.java:57)
            \tat dev.taskq.cdi.internal.TaskRunner.run(TaskRunner.java:74)
            Caused by: java.net.SocketTimeoutException: Read timed out
            \tat java.base/java.net.SocketInputStream.read(SocketInputStream.java:168)
            \t... 12 more""";

    private Seed() {
    }

    static void clear() {
        execute("DELETE FROM taskq_task");
        execute("DELETE FROM it_effect");
    }

    /**
     * The mix the summary test expects: failed 3, dirty 1, active 2, pending 6, future 5.
     * Mailer.welcome/mail 2-1-0-4-0, Reports.daily/reports 1-0-2-1-3, Invoices.render/billing 0-0-0-1-2.
     */
    static void everyGroup() {
        Instant now = Instant.now();
        failed("Mailer.welcome", "mail", "[{\"userId\":42,\"email\":\"ada@example.com\"},\"en-GB\"]",
                "jakarta.mail.MessagingException: 550 5.1.1 <ada@example.com>: mailbox unavailable", TRACE, now.minusSeconds(3600));
        failed("Mailer.welcome", "mail", "[{\"userId\":43,\"email\":\"grace@example.com\"},\"en-US\"]",
                "java.net.SocketTimeoutException: Read timed out", TRACE, now.minusSeconds(1800));
        failed("Reports.daily", "reports", "[\"2025-04-30\"]", "java.lang.IllegalStateException: no exchange rates for 2025-04-30",
                "java.lang.IllegalStateException: no exchange rates for 2025-04-30\n\tat com.acme.reports.Daily.run(Daily.java:19)",
                now.minusSeconds(600));
        dirty("Mailer.welcome", "mail", "[{\"userId\":44,\"email\":\"alan@example.com\"},\"en-GB\"]");
        active("Reports.daily", "reports", "[\"2025-05-01\"]");
        active("Reports.daily", "reports", "[\"2025-05-02\"]");
        for (int i = 0; i < 4; i++) {
            waiting("Mailer.welcome", "mail", "[{\"userId\":" + (50 + i) + ",\"email\":\"user" + i + "@example.com\"},\"de-CH\"]",
                    now.minusSeconds(300 - i * 60L));
        }
        waiting("Reports.daily", "reports", "[\"2025-05-03\"]", now.minusSeconds(30));
        waiting("Invoices.render", "billing", "[1042]", now.minusSeconds(90));
        for (int i = 0; i < 3; i++) {
            waiting("Reports.daily", "reports", "[\"2025-05-0" + (4 + i) + "\"]", now.plus(Duration.ofDays(i + 1)));
        }
        waiting("Invoices.render", "billing", "[1043]", now.plus(Duration.ofHours(2)));
        waiting("Invoices.render", "billing", "[1044]", now.plus(Duration.ofHours(3)));
    }

    static UUID failed(String name, String queue, String args, String error, String traceback, Instant executeAt) {
        return insert(name, queue, args, executeAt, true, executeAt.plusSeconds(1), true, 3, error, traceback);
    }

    /** Started, last heartbeat 2 h ago. */
    static UUID dirty(String name, String queue, String args) {
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        return insert(name, queue, args, twoHoursAgo, true, twoHoursAgo, false, 0, null, null);
    }

    /** Started, last heartbeat 2 h ago, after {@code retries} earlier attempts that left {@code error}. */
    static UUID dirty(String name, String queue, String args, int retries, String error) {
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        return insert(name, queue, args, twoHoursAgo, true, twoHoursAgo, false, retries, error, null);
    }

    /** Started, heartbeat now. */
    static UUID active(String name, String queue, String args) {
        Instant now = Instant.now();
        return insert(name, queue, args, now.minusSeconds(20), true, now, false, 0, null, null);
    }

    /** Not started: pending once {@code executeAt} has passed, future before. */
    static UUID waiting(String name, String queue, String args, Instant executeAt) {
        return insert(name, queue, args, executeAt, false, null, false, 0, null, null);
    }

    static boolean exists(UUID id) {
        return count("SELECT count(*) FROM taskq_task WHERE id = '" + id + "'") == 1;
    }

    static long tasks(String name) {
        return count("SELECT count(*) FROM taskq_task WHERE name = '" + name + "'");
    }

    /** The columns of a row that "retry now" and the groups depend on; the row must exist. */
    record Stored(boolean started, boolean failed, int retries, String error, String traceback, Instant executeAt, Instant aliveAt,
            String node) {
    }

    static Stored stored(UUID id) {
        try (Connection connection = TestDatabase.current().connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT started, failed, retries, error, traceback, execute_at, alive_at, node FROM taskq_task WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new AssertionError("Task " + id + " is not in the table");
                }
                OffsetDateTime aliveAt = row.getObject("alive_at", OffsetDateTime.class);
                return new Stored(row.getBoolean("started"), row.getBoolean("failed"), row.getInt("retries"), row.getString("error"),
                        row.getString("traceback"), row.getObject("execute_at", OffsetDateTime.class).toInstant(),
                        aliveAt == null ? null : aliveAt.toInstant(), row.getString("node"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read task " + id + ": " + e.getMessage(), e);
        }
    }

    static boolean effectExists(String key) {
        return count("SELECT count(*) FROM it_effect WHERE id = '" + key + "'") == 1;
    }

    private static UUID insert(String name, String queue, String args, Instant executeAt, boolean started, Instant aliveAt,
            boolean failed, int retries, String error, String traceback) {
        UUID id = UUID.randomUUID();
        try (Connection connection = TestDatabase.current().connect();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO taskq_task (id, name, queue, args, created_at, execute_at, started, started_at, alive_at, node,
                                             failed, retries, error, traceback)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int index = 1;
            insert.setObject(index++, id);
            insert.setString(index++, name);
            insert.setString(index++, queue);
            insert.setString(index++, args);
            insert.setObject(index++, executeAt.minusSeconds(60).atOffset(ZoneOffset.UTC));           // created_at
            insert.setObject(index++, executeAt.atOffset(ZoneOffset.UTC));                           // execute_at
            insert.setBoolean(index++, started);
            insert.setObject(index++, started ? executeAt.atOffset(ZoneOffset.UTC) : null);         // started_at
            insert.setObject(index++, aliveAt == null ? null : aliveAt.atOffset(ZoneOffset.UTC));  // alive_at
            insert.setString(index++, started ? "node-7f3a" : null);
            insert.setBoolean(index++, failed);
            insert.setInt(index++, retries);
            insert.setString(index++, error);
            insert.setString(index++, traceback);
            insert.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not seed task " + name + ": " + e.getMessage(), e);
        }
    }

    private static long count(String sql) {
        try (Connection connection = TestDatabase.current().connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void execute(String sql) {
        try (Connection connection = TestDatabase.current().connect();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
