package dev.taskq.jpa.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The WHERE clause of a {@link TaskFilter} at one moment, with its binds in order. */
final class TaskConditions {

    private final String sql;
    private final List<Object> binds;

    private TaskConditions(String sql, List<Object> binds) {
        this.sql = sql;
        this.binds = binds;
    }

    static TaskConditions of(TaskFilter filter, Instant now, Duration dirtyAfter) {
        StringBuilder sql = new StringBuilder("(").append(TaskSql.groupCondition(filter.group())).append(')');
        List<Object> binds = new ArrayList<>();
        switch (filter.group()) {
            case DIRTY, ACTIVE -> binds.add(utc(now.minus(dirtyAfter))); // alive_at vs cutoff
            case PENDING, FUTURE -> binds.add(utc(now));                 // execute_at vs now
            case FAILED -> { }
        }
        if (filter.queue() != null) {
            sql.append(TaskSql.AND_QUEUE);
            binds.add(filter.queue());
        }
        if (filter.name() != null) {
            sql.append(TaskSql.AND_NAME);
            binds.add(filter.name());
        }
        if (filter.from() != null) {
            sql.append(TaskSql.AND_EXECUTE_FROM);
            binds.add(utc(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(TaskSql.AND_EXECUTE_TO);
            binds.add(utc(filter.to()));
        }
        return new TaskConditions(sql.toString(), List.copyOf(binds));
    }

    String sql() {
        return sql;
    }

    /** Sets the binds from {@code index} on. @return the next free index */
    int bind(PreparedStatement statement, int index) throws SQLException {
        for (Object value : binds) {
            statement.setObject(index++, value);
        }
        return index;
    }

    private static Object utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
