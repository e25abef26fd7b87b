package dev.taskq.jpa.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * The five groups a task is in (DESIGN.md), decided at one moment {@code now} with the cutoff
 * {@code now - dirtyAfter}: failed; dirty (started, heartbeat older than the cutoff); active
 * (started, fresh heartbeat); pending (due, not started); future (not yet due).
 */
public enum TaskGroup {
    FAILED, DIRTY, ACTIVE, PENDING, FUTURE;

    /** "Retry now" applies to failed and dirty tasks only. */
    public boolean retryable() {
        return this == FAILED || this == DIRTY;
    }

    /** Every group but active can be deleted: an active task's worker is still running it. */
    public boolean deletable() {
        return this != ACTIVE;
    }

    /** The lower-case name used in URLs and labels, e.g. {@code failed}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The group named {@code key} in any case; empty for anything else. */
    public static Optional<TaskGroup> of(String key) {
        if (key == null) {
            return Optional.empty();
        }
        for (TaskGroup group : values()) {
            if (group.name().equalsIgnoreCase(key.strip())) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }
}
