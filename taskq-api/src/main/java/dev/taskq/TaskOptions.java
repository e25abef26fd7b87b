package dev.taskq;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When and where a task runs, like the keyword arguments of Celery's {@code apply_async}.
 * Immutable and thread-safe: each method returns a new instance, so a shared constant is safe.
 *
 * <pre>{@code
 * tasks.enqueue(Mailer.class, m -> m.reminder(id),
 *         TaskOptions.defaults().countdown(Duration.ofHours(1)).expires(Duration.ofHours(2)));
 * }</pre>
 */
public final class TaskOptions {

    private static final TaskOptions DEFAULTS = new TaskOptions(null, null, null, null, null);

    private final Duration countdown;
    private final Instant eta;
    private final Duration expiresIn;
    private final Instant expiresAt;
    private final String queue;

    private TaskOptions(Duration countdown, Instant eta, Duration expiresIn, Instant expiresAt, String queue) {
        this.countdown = countdown;
        this.eta = eta;
        this.expiresIn = expiresIn;
        this.expiresAt = expiresAt;
        this.queue = queue;
    }

    /**
     * No delay, no expiry, the queue of the {@link Task} annotation.
     *
     * @return the options with nothing set, one shared instance
     */
    public static TaskOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Run no earlier than now plus {@code delay}. Replaces an earlier {@link #eta(Instant)}.
     *
     * @param delay zero or positive
     * @return new options with this delay
     * @throws IllegalArgumentException if {@code delay} is null or negative
     */
    public TaskOptions countdown(Duration delay) {
        requireNonNegative("countdown", delay);
        return new TaskOptions(delay, null, expiresIn, expiresAt, queue);
    }

    /**
     * Run no earlier than {@code when}; a past instant means "now". Replaces an earlier
     * {@link #countdown(Duration)}.
     *
     * @param when the earliest time the task may run
     * @return new options with this ETA
     * @throws IllegalArgumentException if {@code when} is null
     */
    public TaskOptions eta(Instant when) {
        requireNonNull("eta", when);
        return new TaskOptions(null, when, expiresIn, expiresAt, queue);
    }

    /**
     * Drop the task unrun if it has not started by now plus {@code ttl}. Replaces an earlier expiry.
     *
     * @param ttl how long the task stays worth running, counted from the enqueue; zero or positive
     * @return new options with this expiry
     * @throws IllegalArgumentException if {@code ttl} is null or negative
     */
    public TaskOptions expires(Duration ttl) {
        requireNonNegative("expires", ttl);
        return new TaskOptions(countdown, eta, ttl, null, queue);
    }

    /**
     * Drop the task unrun if it has not started by {@code when}. Replaces an earlier expiry.
     *
     * @param when the time after which the task is deleted unrun
     * @return new options with this expiry
     * @throws IllegalArgumentException if {@code when} is null
     */
    public TaskOptions expires(Instant when) {
        requireNonNull("expires", when);
        return new TaskOptions(countdown, eta, null, when, queue);
    }

    /**
     * Put the task on {@code queue}, overriding {@link Task#queue()}.
     *
     * @param queue the queue's name; leading and trailing white space is dropped
     * @return new options with this queue
     * @throws IllegalArgumentException if {@code queue} is null or blank
     */
    public TaskOptions queue(String queue) {
        if (queue == null || queue.isBlank()) {
            throw new IllegalArgumentException("TaskOptions.queue must not be empty, was " + (queue == null ? "null" : "'" + queue + "'"));
        }
        return new TaskOptions(countdown, eta, expiresIn, expiresAt, queue.strip());
    }

    /**
     * The time the task becomes due, given the current time.
     *
     * @param now the time of the enqueue
     * @return the ETA, or now plus the countdown; empty if neither is set, meaning "now"
     */
    public Optional<Instant> executeAt(Instant now) {
        if (eta != null) {
            return Optional.of(eta);
        }
        return Optional.ofNullable(countdown).map(now::plus);
    }

    /**
     * The time after which the task is dropped unrun, given the current time.
     *
     * @param now the time of the enqueue
     * @return the expiry instant, or now plus the expiry duration; empty if neither is set, meaning never
     */
    public Optional<Instant> expiresAt(Instant now) {
        if (expiresAt != null) {
            return Optional.of(expiresAt);
        }
        return Optional.ofNullable(expiresIn).map(now::plus);
    }

    /**
     * The queue set with {@link #queue(String)}.
     *
     * @return the queue's name, or empty for the {@link Task#queue()} of the task
     */
    public Optional<String> queueName() {
        return Optional.ofNullable(queue);
    }

    private static void requireNonNull(String option, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("TaskOptions." + option + " must not be null");
        }
    }

    private static void requireNonNegative(String option, Duration value) {
        requireNonNull(option, value);
        if (value.isNegative()) {
            throw new IllegalArgumentException("TaskOptions." + option + " must not be negative, was " + value);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TaskOptions that
                && Objects.equals(countdown, that.countdown) && Objects.equals(eta, that.eta)
                && Objects.equals(expiresIn, that.expiresIn) && Objects.equals(expiresAt, that.expiresAt)
                && Objects.equals(queue, that.queue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(countdown, eta, expiresIn, expiresAt, queue);
    }

    @Override
    public String toString() {
        return "TaskOptions[countdown=" + countdown + ", eta=" + eta + ", expiresIn=" + expiresIn
                + ", expiresAt=" + expiresAt + ", queue=" + queue + "]";
    }
}
