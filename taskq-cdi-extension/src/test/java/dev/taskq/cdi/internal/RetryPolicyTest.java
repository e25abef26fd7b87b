package dev.taskq.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.Retry;
import dev.taskq.Task;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    // ---- fixtures: only their @Task annotations are used

    @Task(autoretryFor = IOException.class, retryBackoff = 1, retryBackoffMax = 9, retryJitter = false, maxRetries = 8)
    void designExample() {
    }

    @Task(autoretryFor = IOException.class, dontAutoretryFor = FileNotFoundException.class)
    void retriesIoButNotMissingFiles() {
    }

    @Task(autoretryFor = IOException.class, maxRetries = -1, countdown = 5)
    void retriesForever() {
    }

    @Task(autoretryFor = IOException.class, retryBackoff = 4, retryBackoffMax = 100)
    void jittered() {
    }

    @Task
    void defaults() {
    }

    @Task(autoretryFor = IOException.class, retryBackoff = 4, retryJitter = false, countdown = 7)
    void backoffAndCountdown() {
    }

    @Task(countdown = 7, maxRetries = 1)
    void shortCountdownOneRetry() {
    }

    private static Task task(String method) {
        try {
            return RetryPolicyTest.class.getDeclaredMethod(method).getAnnotation(Task.class);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    private static Optional<Long> delaySeconds(Task task, int retries, Throwable error) {
        return RetryPolicy.retryAt(task, retries, error, NOW).map(at -> Duration.between(NOW, at).toSeconds());
    }

    // ---- autoretryFor

    @Test
    void shouldBackOffAsTheDesignExampleSaysThenFail() {
        Task task = task("designExample");
        List<Optional<Long>> delays = new ArrayList<>();
        for (int retries = 0; retries <= 8; retries++) {
            delays.add(delaySeconds(task, retries, new IOException("connection reset")));
        }

        assertThat(delays).containsExactly(Optional.of(1L), Optional.of(2L), Optional.of(4L), Optional.of(8L),
                Optional.of(9L), Optional.of(9L), Optional.of(9L), Optional.of(9L), Optional.empty());
    }

    @Test
    void shouldRetrySubclassesOfAListedException() {
        assertThat(delaySeconds(task("designExample"), 0, new java.net.SocketTimeoutException())).contains(1L);
    }

    @Test
    void shouldFailAtOnceWhenDontAutoretryForListsTheException() {
        Task task = task("retriesIoButNotMissingFiles");

        assertThat(delaySeconds(task, 0, new FileNotFoundException("/tmp/x"))).isEmpty();
        assertThat(delaySeconds(task, 0, new IOException("reset"))).contains(180L);
    }

    @Test
    void shouldFailAtOnceForAnExceptionThatIsNotListed() {
        assertThat(delaySeconds(task("designExample"), 0, new IllegalStateException("bug"))).isEmpty();
        assertThat(delaySeconds(task("designExample"), 0, new UncheckedIOException(new IOException()))).isEmpty();
        assertThat(delaySeconds(task("defaults"), 0, new IOException())).isEmpty();
    }

    @Test
    void shouldRetryForeverWhenMaxRetriesIsMinusOne() {
        assertThat(delaySeconds(task("retriesForever"), 1000, new IOException())).contains(5L);
        assertThat(delaySeconds(task("retriesForever"), Integer.MAX_VALUE - 1, new IOException())).contains(5L);
    }

    @Test
    void shouldKeepAJitteredDelayWithinZeroAndTheBackoff() {
        Task task = task("jittered");
        java.util.Set<Duration> seenAtRetryTen = new java.util.HashSet<>();
        for (int run = 0; run < 200; run++) {
            // retry 1: 4 s; retry 3: 16 s; retry 10: capped at 100 s
            assertThat(RetryPolicy.delay(task, 1)).isBetween(Duration.ZERO, Duration.ofSeconds(4));
            assertThat(RetryPolicy.delay(task, 3)).isBetween(Duration.ZERO, Duration.ofSeconds(16));
            Duration delay = RetryPolicy.delay(task, 10);
            assertThat(delay).isBetween(Duration.ZERO, Duration.ofSeconds(100));
            seenAtRetryTen.add(delay);
        }
        // full jitter spreads the delays over the range; a fixed delay would give one value
        assertThat(seenAtRetryTen).hasSizeGreaterThan(100);
        assertThat(seenAtRetryTen).anyMatch(delay -> delay.compareTo(Duration.ofSeconds(50)) < 0);
    }

    @Test
    void shouldCapTheBackoffEvenForVeryManyRetries() {
        Task task = task("designExample");

        assertThat(RetryPolicy.delay(task, 63)).isEqualTo(Duration.ofSeconds(9));
        assertThat(RetryPolicy.delay(task, 64)).isEqualTo(Duration.ofSeconds(9));
        assertThat(RetryPolicy.delay(task, Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(9));
    }

    // ---- a thrown Retry

    @Test
    void shouldRetryAfterTheTaskCountdownForAPlainRetry() {
        assertThat(delaySeconds(task("defaults"), 0, new Retry())).contains(180L);
        assertThat(delaySeconds(task("defaults"), 2, new Retry())).contains(180L);
        assertThat(delaySeconds(task("defaults"), 3, new Retry())).isEmpty();
    }

    @Test
    void shouldWaitTheCountdownNotTheBackoffForAPlainRetry() {
        Task task = task("backoffAndCountdown");

        assertThat(delaySeconds(task, 2, new Retry())).contains(7L);      // self.retry(): default_retry_delay
        assertThat(delaySeconds(task, 2, new IOException())).contains(16L); // autoretry_for: 4 * 2^2
    }

    @Test
    void shouldRetryAPlainRetryEvenWhenTheTaskListsNoException() {
        assertThat(delaySeconds(task("shortCountdownOneRetry"), 0, new Retry().because(new IllegalStateException()))).contains(7L);
        assertThat(delaySeconds(task("shortCountdownOneRetry"), 1, new Retry())).isEmpty();
    }

    @Test
    void shouldWaitTheCountdownGivenToRetryAfter() {
        assertThat(delaySeconds(task("defaults"), 0, Retry.after(Duration.ofMinutes(5)))).contains(300L);
    }

    @Test
    void shouldRunAtTheInstantGivenToRetryAt() {
        Instant eta = NOW.plus(Duration.ofDays(1));

        assertThat(RetryPolicy.retryAt(task("defaults"), 0, Retry.at(eta), NOW)).contains(eta);
    }

    @Test
    void shouldLetRetryMaxRetriesOverrideTheTaskLimit() {
        Task task = task("defaults"); // maxRetries = 3

        assertThat(delaySeconds(task, 5, new Retry().maxRetries(10))).contains(180L);
        assertThat(delaySeconds(task, 10, new Retry().maxRetries(10))).isEmpty();
        assertThat(delaySeconds(task, 0, new Retry().maxRetries(0))).isEmpty();
        assertThat(delaySeconds(task, 1000, Retry.after(Duration.ofSeconds(1)).maxRetries(-1))).contains(1L);
    }
}
