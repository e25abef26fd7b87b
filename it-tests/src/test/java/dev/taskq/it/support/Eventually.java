package dev.taskq.it.support;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Awaitility set up for in-container tests: conditions are polled in the test's own thread,
 * because Awaitility's pool threads carry no Jakarta EE context (no JNDI, no persistence context).
 */
public final class Eventually {

    private Eventually() {
    }

    /** Waits at most 30 s, polling every 50 ms. */
    public static ConditionFactory eventually() {
        return within(Duration.ofSeconds(30));
    }

    public static ConditionFactory within(Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50));
    }
}
