package dev.taskq;

import java.util.Optional;
import java.util.UUID;

/**
 * A stored (or eagerly executed) task, like Celery's {@code AsyncResult} and {@code EagerResult}.
 * Keep {@link #id()} to revoke the task later with {@link TaskQueue#revoke(UUID)}.
 * Instances are immutable and thread-safe.
 */
public interface TaskHandle {

    /** The task's id: the primary key of its row. */
    UUID id();

    /** Deletes the task if it has not started; see {@link TaskQueue#revoke(UUID)}. */
    boolean revoke();

    /**
     * The return value of an eagerly executed task ({@code taskq.eager=true}); empty for a queued
     * task, for a {@code void} method and for a task that threw.
     */
    Optional<Object> result();
}
