package dev.taskq.jpa.internal;

import java.time.Instant;
import java.util.UUID;

/** A started task whose heartbeat stopped at {@code aliveAt}: {@code node} died or lost the database. */
public record DirtyTask(UUID id, String name, String queue, String node, Instant aliveAt) {
}
