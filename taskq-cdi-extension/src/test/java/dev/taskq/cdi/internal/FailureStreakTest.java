package dev.taskq.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FailureStreakTest {

    private final FailureStreak streak = new FailureStreak();

    @Test
    void shouldLogOnlyTheFirstFailureOfAnOutageAndTheFirstSuccessAfterIt() {
        assertThat(streak.succeeded()).as("success without an outage").isFalse();
        assertThat(streak.failed()).as("first failure").isTrue();
        assertThat(IntStream.range(0, 100).mapToObj(i -> streak.failed())).as("the failures after it").containsOnly(false);
        assertThat(streak.succeeded()).as("back").isTrue();
        assertThat(streak.succeeded()).as("still back").isFalse();
        assertThat(streak.failed()).as("the next outage").isTrue();
    }

    @Test
    void shouldDoubleThePauseForEachFailureUpToThirtySeconds() {
        Duration poll = Duration.ofSeconds(1);
        assertThat(streak.pause(poll)).as("no failure").isEqualTo(poll);
        assertThat(IntStream.range(0, 6).mapToObj(i -> {
            streak.failed();
            return streak.pause(poll).toSeconds();
        })).containsExactly(2L, 4L, 8L, 16L, 30L, 30L);
    }

    @Test
    void shouldStayAtTheLongestPauseHoweverLongTheOutage() {
        IntStream.range(0, 10_000).forEach(i -> streak.failed());
        assertThat(streak.pause(Duration.ofHours(1))).isEqualTo(FailureStreak.MAX_PAUSE);
        assertThat(streak.pause(Duration.ofMillis(50))).isEqualTo(FailureStreak.MAX_PAUSE);
    }

    @Test
    void shouldStartAgainFromThePollIntervalAfterASuccess() {
        IntStream.range(0, 5).forEach(i -> streak.failed());
        streak.succeeded();
        streak.failed();
        assertThat(streak.pause(Duration.ofMillis(100))).isEqualTo(Duration.ofMillis(200));
    }
}
