package dev.taskq;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Declares a method of a CDI bean as a task: a call that {@link TaskQueue#enqueue} stores in the
 * database and a worker runs later, in another thread and usually another transaction.
 *
 * <p>The method must be public, protected or package-private, non-static and non-final, and its
 * class must be a CDI bean that is not final (the container and the recording proxy subclass it).
 * Every parameter type must round-trip through JSON-B. A violation fails the deployment with a
 * message naming the class, the method and the rule. Tasks produce no result: the return value is
 * ignored except in eager mode ({@link TaskHandle#result()}).
 *
 * <p>Every member can be overridden per task with MicroProfile Config, the annotation being the
 * default, for example {@code taskq.task."Mailer.welcome".max-retries=5}.
 */
@Documented
@Target(METHOD)
@Retention(RUNTIME)
public @interface Task {

    /**
     * The stable name stored in every row of this task; the worker finds the method by it.
     * Defaults to {@code SimpleClassName.method} of the bean class. Set it explicitly before
     * renaming the class or the method while rows may still be waiting. Unique per deployment.
     *
     * @return the task's name; empty for the default
     */
    String name() default "";

    /**
     * The queue the task is put on unless {@link TaskOptions#queue(String)} says otherwise. Must not be empty.
     *
     * @return the queue's name
     */
    String queue() default "default";

    /**
     * Exceptions (and their subclasses) that schedule a retry instead of failing the task,
     * like Celery's {@code autoretry_for}. Empty by default: any exception fails the task.
     *
     * @return the exception types that are retried
     */
    Class<? extends Throwable>[] autoretryFor() default {};

    /**
     * Exceptions (and their subclasses) that fail the task even when {@link #autoretryFor()} lists a supertype.
     *
     * @return the exception types that are never retried automatically
     */
    Class<? extends Throwable>[] dontAutoretryFor() default {};

    /**
     * How many times the task is retried before it is marked failed, like Celery's
     * {@code max_retries}. {@code -1} retries forever; otherwise must be {@code >= 0}. Default 3.
     *
     * @return the retry limit
     */
    int maxRetries() default 3;

    /**
     * Seconds before a retry when no backoff is set, like Celery's {@code default_retry_delay}. Must be {@code >= 0}. Default 180.
     *
     * @return the fixed delay before a retry, in seconds
     */
    long countdown() default 180;

    /**
     * {@code 0} (default) for a fixed {@link #countdown()}; {@code n > 0} for an exponential backoff
     * of {@code n * 2^(retries-1)} seconds, capped at {@link #retryBackoffMax()}. Must be {@code >= 0}.
     *
     * @return the backoff factor {@code n}, in seconds
     */
    long retryBackoff() default 0;

    /**
     * The cap for the backoff delay, in seconds. Must be {@code >= 0}. Default 600.
     *
     * @return the longest backoff delay, in seconds
     */
    long retryBackoffMax() default 600;

    /**
     * With a backoff: use a random delay in {@code [0, delay]} ("full jitter") so retries of many tasks spread out. Default true.
     *
     * @return whether the backoff delay is randomised
     */
    boolean retryJitter() default true;
}
