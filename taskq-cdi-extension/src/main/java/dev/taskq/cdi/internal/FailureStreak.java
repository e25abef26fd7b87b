package dev.taskq.cdi.internal;

import java.time.Duration;

/**
 * The consecutive failures of one loop that talks to the database (claim loop, heartbeat, dirty-task
 * timer). It tells the loop to log the first failure of an outage and the first success after it, never
 * each attempt in between, and how long to pause before the next attempt. Not thread-safe: one per loop.
 */
final class FailureStreak {

    /** The longest pause between two attempts, however long the database is away. */
    static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private int failures;

    /** Records a failed attempt. @return true for the first failure of a streak: the one to log */
    boolean failed() {
        if (failures < Integer.MAX_VALUE) {
            failures++;
        }
        return failures == 1;
    }

    /** Records a successful attempt. @return true if it ends a streak: the moment to log that the database is back */
    boolean succeeded() {
        boolean ended = failures > 0;
        failures = 0;
        return ended;
    }

    /** The pause before the next attempt: {@code base} doubled for each failure in a row, at most {@link #MAX_PAUSE}. */
    Duration pause(Duration base) {
        Duration pause = base.multipliedBy(1L << Math.min(failures, 20));
        return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
    }
}
