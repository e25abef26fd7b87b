package dev.taskq.jpa.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * Which tasks of one group a list or a bulk command means: optionally only one queue, one task
 * name (both matched exactly) and an {@code execute_at} range, {@code from} inclusive, {@code to}
 * exclusive. Blank texts mean "any". Immutable.
 */
public record TaskFilter(TaskGroup group, String queue, String name, Instant from, Instant to) {

    public TaskFilter {
        Objects.requireNonNull(group, "group");
        queue = blankToNull(queue);
        name = blankToNull(name);
    }

    /** Every task of the group. */
    public static TaskFilter of(TaskGroup group) {
        return new TaskFilter(group, null, null, null, null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
