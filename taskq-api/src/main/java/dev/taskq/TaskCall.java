package dev.taskq;

/**
 * The call to record: a lambda that calls exactly one {@link Task} method on the bean it is given,
 * for example {@code m -> m.welcome(userId)}.
 *
 * <p>At enqueue time the lambda runs at once, in the caller's thread, against a recording proxy,
 * never against the real bean: only the method and its arguments are kept. Compute arguments
 * before the lambda; code in it other than the one call has no effect later.
 *
 * @param <T> the bean class
 */
@FunctionalInterface
public interface TaskCall<T> {

    /**
     * Calls one {@link Task} method on {@code bean}.
     *
     * @param bean the recording proxy standing in for the bean
     * @throws Exception never thrown by the proxy; declared so that task methods with checked
     *                   exceptions can be called without a try block
     */
    void call(T bean) throws Exception;
}
