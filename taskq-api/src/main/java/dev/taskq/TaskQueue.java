package dev.taskq;

import java.util.UUID;

/**
 * Enqueues tasks and revokes them. Inject it: {@code @Inject TaskQueue tasks;}.
 *
 * <p>An enqueue writes exactly one row and joins the caller's JTA transaction: a rollback leaves
 * no row, a commit exactly one. Without a transaction the row commits at once. Nothing runs before
 * the row is committed. Implementations are thread-safe.
 *
 * <p>Bad input fails in the caller's thread with an {@link IllegalArgumentException} naming the
 * bean, the method and the argument position, before anything is written: a lambda that calls no
 * {@link Task} method or more than one, a class that is not a CDI bean, or an argument that
 * JSON-B cannot write or cannot read back to an equal value.
 */
public interface TaskQueue {

    /**
     * Enqueues the call to run as soon as a worker of its queue is free, like Celery's {@code delay()}.
     *
     * @param <T>  the bean class
     * @param bean the CDI bean class that declares the {@link Task} method
     * @param call a lambda calling exactly one {@link Task} method, e.g. {@code m -> m.welcome(id)}
     * @return the handle of the stored task (in eager mode: of the task just run)
     * @throws IllegalArgumentException if {@code bean} or {@code call} is null, {@code bean} declares no
     *                                  task, the lambda calls no task or more than one, or an argument
     *                                  does not round-trip through JSON-B; nothing is stored
     */
    <T> TaskHandle enqueue(Class<T> bean, TaskCall<T> call);

    /**
     * Enqueues the call with options (delay, ETA, expiry, queue), like Celery's {@code apply_async()}.
     *
     * @param <T>     the bean class
     * @param bean    the CDI bean class that declares the {@link Task} method
     * @param call    a lambda calling exactly one {@link Task} method, e.g. {@code m -> m.welcome(id)}
     * @param options when and where to run it; {@link TaskOptions#defaults()} for none, never {@code null}
     * @return the handle of the stored task (in eager mode: of the task just run)
     * @throws NullPointerException     if {@code options} is null; nothing is stored
     * @throws IllegalArgumentException as for {@link #enqueue(Class, TaskCall)}
     */
    <T> TaskHandle enqueue(Class<T> bean, TaskCall<T> call, TaskOptions options);

    /**
     * Records the call without enqueueing it, like Celery's {@code s()}: the arguments are checked
     * now, and {@link Signature#delay()} or {@link Signature#applyAsync(TaskOptions)} enqueue it later.
     *
     * @param <T>  the bean class
     * @param bean the CDI bean class that declares the {@link Task} method
     * @param call a lambda calling exactly one {@link Task} method, e.g. {@code m -> m.welcome(id)}
     * @return the recorded call, which can be enqueued any number of times; nothing is stored yet
     * @throws IllegalArgumentException as for {@link #enqueue(Class, TaskCall)}
     */
    <T> Signature signature(Class<T> bean, TaskCall<T> call);

    /**
     * Deletes a task that has not started yet. A task enqueued earlier in the caller's transaction
     * can be revoked before that transaction commits.
     *
     * @param taskId the task's {@link TaskHandle#id()}; {@code null} is an unknown id
     * @return true if a waiting task was deleted; false for an unknown id or a task that has
     *         already started, which is left alone
     */
    boolean revoke(UUID taskId);
}
