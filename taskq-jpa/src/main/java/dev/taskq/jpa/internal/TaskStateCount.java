package dev.taskq.jpa.internal;

import java.time.Instant;

/**
 * How many tasks of one name and queue are in each of the five groups (DESIGN.md), counted at one
 * moment. {@code oldestPendingExecuteAt} is null when none is pending; it tells how long the
 * longest-waiting due task has waited.
 */
public record TaskStateCount(String name, String queue, long failed, long dirty, long active, long pending, long future,
        Instant oldestPendingExecuteAt) {
}
