package dev.taskq.jpa.internal;

import java.time.Instant;
import java.util.UUID;

/** A task a worker has just claimed: what it needs to run it. {@code expiresAt} may be null. */
public record ClaimedTask(UUID id, String name, String queue, String args, int retries, Instant executeAt, Instant expiresAt) {

    /** True if the task expired before it was claimed at {@code now}, so it must be dropped unrun. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && expiresAt.isBefore(now);
    }
}
