package dev.taskq;

/**
 * A recorded call that has not been enqueued yet, like Celery's signature ({@code task.s(...)}).
 * Each {@code delay()} or {@code applyAsync()} enqueues one new task with the same arguments.
 * Instances are immutable and thread-safe.
 */
public interface Signature {

    /**
     * Enqueues the call with default options, like {@link TaskQueue#enqueue(Class, TaskCall)}.
     *
     * @return the handle of the new task
     */
    TaskHandle delay();

    /**
     * Enqueues the call with the given options, like {@link TaskQueue#enqueue(Class, TaskCall, TaskOptions)}.
     *
     * @param options when and where to run it; {@link TaskOptions#defaults()} for none, never {@code null}
     * @return the handle of the new task
     * @throws NullPointerException if {@code options} is null; nothing is enqueued
     */
    TaskHandle applyAsync(TaskOptions options);
}
