package dev.taskq;

import java.util.Optional;
import java.util.UUID;

/**
 * A stored (or eagerly executed) task, like Celery's {@code AsyncResult} and {@code EagerResult}.
 * Keep {@link #id()} to revoke the task later with {@link TaskQueue#revoke(UUID)}.
 * Instances are immutable and thread-safe.
 */
public interface TaskHandle {

    /**
     * The task's id: the primary key of its row.
     *
     * @return the id, never {@code null}
     */
    UUID id();

    /**
     * Deletes the task if it has not started; see {@link TaskQueue#revoke(UUID)}.
     *
     * @return true if the waiting task was deleted; false if it has started, has already finished
     *         or been deleted, or was run eagerly and never stored
     */
    boolean revoke();

    /**
     * The return value of an eagerly executed task ({@code taskq.eager=true}); empty for a queued
     * task, for a {@code void} method and for a task that threw.
     *
     * @return the return value, if there is one to give
     */
    Optional<Object> result();
}
