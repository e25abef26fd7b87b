package dev.taskq;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Thrown from a task to run it again later with the same arguments, like Celery's {@code self.retry()}.
 *
 * <pre>{@code
 * try { gateway.send(mail); }
 * catch (IOException e) { throw Retry.after(Duration.ofMinutes(5)).because(e); }
 * }</pre>
 *
 * <p>{@code new Retry()} waits the task's {@link Task#countdown()} (default 180 s) and counts against
 * its {@link Task#maxRetries()} (default 3). Past the limit the task is marked failed, with the
 * cause's stack trace when one was given. The cause's message is kept on the row while it waits.
 * Each fluent method returns a new instance; this exception carries no stack trace of its own.
 */
public class Retry extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration countdown;
    private final Instant eta;
    private final Integer maxRetries;

    /** A retry after the task's {@link Task#countdown()}, within its {@link Task#maxRetries()}. */
    public Retry() {
        this(null, null, null, null);
    }

    private Retry(Duration countdown, Instant eta, Integer maxRetries, Throwable cause) {
        super(describe(countdown, eta, cause), cause, false, false);
        this.countdown = countdown;
        this.eta = eta;
        this.maxRetries = maxRetries;
    }

    /**
     * A retry after {@code countdown}, instead of the task's {@link Task#countdown()} or backoff,
     * within its {@link Task#maxRetries()}.
     *
     * @param countdown how long to wait before the next run; zero or positive
     * @return a new retry, to throw from the task
     * @throws IllegalArgumentException if {@code countdown} is null or negative
     */
    public static Retry after(Duration countdown) {
        if (countdown == null || countdown.isNegative()) {
            throw new IllegalArgumentException("Retry.after needs a zero or positive duration, was " + countdown);
        }
        return new Retry(countdown, null, null, null);
    }

    /**
     * A retry no earlier than {@code eta}, within the task's {@link Task#maxRetries()}.
     *
     * @param eta the earliest time of the next run; a past instant makes the task due at once
     * @return a new retry, to throw from the task
     * @throws IllegalArgumentException if {@code eta} is null
     */
    public static Retry at(Instant eta) {
        if (eta == null) {
            throw new IllegalArgumentException("Retry.at needs an instant, was null");
        }
        return new Retry(null, eta, null, null);
    }

    /**
     * The same retry, caused by {@code cause}: its message is kept on the row while the task waits,
     * and its stack trace if the retries run out.
     *
     * @param cause what made the task retry, usually the exception just caught; {@code null} for none
     * @return a new retry with the same countdown or ETA and limit
     */
    public Retry because(Throwable cause) {
        return new Retry(countdown, eta, maxRetries, cause);
    }

    /**
     * The same retry with its own limit instead of {@link Task#maxRetries()}.
     *
     * @param maxRetries {@code -1} for no limit, otherwise {@code >= 0}
     * @return a new retry with the same countdown or ETA and cause
     * @throws IllegalArgumentException if {@code maxRetries < -1}
     */
    public Retry maxRetries(int maxRetries) {
        if (maxRetries < -1) {
            throw new IllegalArgumentException("Retry.maxRetries must be >= -1 (-1: no limit), was " + maxRetries);
        }
        return new Retry(countdown, eta, maxRetries, getCause());
    }

    /**
     * The delay given with {@link #after(Duration)}.
     *
     * @return the delay, or empty if this retry waits the task's countdown or has an ETA
     */
    public Optional<Duration> countdown() {
        return Optional.ofNullable(countdown);
    }

    /**
     * The instant given with {@link #at(Instant)}.
     *
     * @return the ETA, or empty if this retry waits a countdown
     */
    public Optional<Instant> eta() {
        return Optional.ofNullable(eta);
    }

    /**
     * The limit given with {@link #maxRetries(int)}.
     *
     * @return the limit ({@code -1}: none), or empty if the task's {@link Task#maxRetries()} applies
     */
    public OptionalInt maxRetries() {
        return maxRetries == null ? OptionalInt.empty() : OptionalInt.of(maxRetries);
    }

    private static String describe(Duration countdown, Instant eta, Throwable cause) {
        String when = countdown != null ? "in " + countdown : eta != null ? "at " + eta : "after the task's countdown";
        return "Retry " + when + (cause == null ? "" : " because " + cause);
    }
}
