package dev.taskq.cdi.errors.countdown;

import static dev.taskq.cdi.Deployments.assertInvalidTask;

import org.junit.jupiter.api.Test;

class NegativeCountdownTest {

    @Test
    void shouldRejectNegativeCountdown() {
        assertInvalidTask(NegativeCountdownBean.class, "sync", "TASKQ01005")
                .contains("@Task.countdown must be >= 0 seconds, was -1");
    }
}
