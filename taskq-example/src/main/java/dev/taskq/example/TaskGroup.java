package dev.taskq.example;

import dev.taskq.jpa.TaskEntity;
import java.time.OffsetDateTime;

/**
 * The states a row of taskq's table can be in, as the page shows them. A running task with a stale
 * heartbeat is "dirty" in taskq's terms; telling the two apart needs taskq's settings, so the
 * example shows both as running.
 */
public enum TaskGroup {
    PENDING("pending", "due, waiting for a worker"),
    FUTURE("future", "not due yet, e.g. waiting for a retry"),
    RUNNING("running", "claimed by a worker"),
    FAILED("failed", "kept for a person to inspect");

    private final String label;
    private final String meaning;

    TaskGroup(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() { return label; }
    public String meaning() { return meaning; }

    public static TaskGroup of(TaskEntity task, OffsetDateTime now) {
        if (task.isFailed()) {
            return FAILED;
        }
        if (task.isStarted()) {
            return RUNNING;
        }
        return task.getExecuteAt().isAfter(now) ? FUTURE : PENDING;
    }
}
