package dev.taskq.jpa.internal;

import java.time.Instant;
import java.util.UUID;

/** A task about to be inserted. {@code expiresAt} may be null. */
public record NewTask(UUID id, String name, String queue, String args, Instant createdAt, Instant executeAt, Instant expiresAt) {
}
