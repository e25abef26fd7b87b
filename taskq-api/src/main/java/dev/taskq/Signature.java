package dev.taskq;

/**
 * A recorded call that has not been enqueued yet, like Celery's signature ({@code task.s(...)}).
 * Each {@code delay()} or {@code applyAsync()} enqueues one new task with the same arguments.
 * Instances are immutable and thread-safe.
 */
public interface Signature {

    /** Enqueues the call with default options. */
    TaskHandle delay();

    /** Enqueues the call with the given options. */
    TaskHandle applyAsync(TaskOptions options);
}
