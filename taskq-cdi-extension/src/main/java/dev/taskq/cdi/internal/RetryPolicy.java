package dev.taskq.cdi.internal;

import dev.taskq.Retry;
import dev.taskq.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides whether a failed run is retried, and when: Celery's {@code autoretry_for},
 * {@code retry_backoff}, {@code retry_jitter} and {@code self.retry()}.
 */
final class RetryPolicy {

    /** No retry waits longer than this, however large the settings: a saner bound than overflow. */
    static final Duration MAX_DELAY = Duration.ofDays(3650);

    private RetryPolicy() {
    }

    static Optional<Instant> retryAt(Task task, int retries, Throwable error, Instant now) {
        return retryAt(TaskSettings.of(task), retries, error, now);
    }

    /**
     * @param retries how often the task was retried before this run
     * @return when to run it again, or empty to mark it failed
     */
    static Optional<Instant> retryAt(TaskSettings task, int retries, Throwable error, Instant now) {
        if (error instanceof Retry retry) {
            int maxRetries = retry.maxRetries().orElse(task.maxRetries());
            if (exhausted(maxRetries, retries)) {
                return Optional.empty();
            }
            if (retry.eta().isPresent()) {
                return retry.eta();
            }
            // Celery's self.retry() waits default_retry_delay: the backoff is autoretry_for's alone
            return Optional.of(now.plus(capped(retry.countdown().orElse(task.countdown()))));
        }
        if (listed(error, task.autoretryFor()) && !listed(error, task.dontAutoretryFor()) && !exhausted(task.maxRetries(), retries)) {
            return Optional.of(now.plus(delay(task, retries + 1)));
        }
        return Optional.empty();
    }

    static Duration delay(Task task, int retry) {
        return delay(TaskSettings.of(task), retry);
    }

    /**
     * The wait before retry number {@code retry} (1 for the first): the countdown, or with a
     * backoff {@code n * 2^(retry-1)} capped at retryBackoffMax, jittered into [0, delay].
     */
    static Duration delay(TaskSettings task, int retry) {
        if (task.retryBackoff().isZero()) {
            return capped(task.countdown());
        }
        long exponent = Math.min(retry - 1, 30);
        Duration backoff = capped(task.retryBackoff()).multipliedBy(1L << exponent);
        Duration capped = capped(backoff.compareTo(task.retryBackoffMax()) > 0 ? task.retryBackoffMax() : backoff);
        if (task.retryJitter()) {
            return Duration.ofMillis(ThreadLocalRandom.current().nextLong(capped.toMillis() + 1));
        }
        return capped;
    }

    private static Duration capped(Duration delay) {
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static boolean exhausted(int maxRetries, int retries) {
        return maxRetries != -1 && retries >= maxRetries;
    }

    private static boolean listed(Throwable error, List<Class<? extends Throwable>> types) {
        return types.stream().anyMatch(type -> type.isInstance(error));
    }
}
