package dev.taskq.jpa.internal;

import java.time.Instant;
import java.util.UUID;

/** Every field of one task, and the group it was in when it was read. */
public record TaskDetail(UUID id, String name, String queue, String args, Instant createdAt, Instant executeAt,
        Instant expiresAt, boolean started, Instant startedAt, Instant aliveAt, String node, boolean failed, int retries,
        String error, String traceback, TaskGroup group) {
}
