package dev.taskq.cdi.errors.maxretries;

import static dev.taskq.cdi.Deployments.assertInvalidTask;

import org.junit.jupiter.api.Test;

class NegativeMaxRetriesTest {

    @Test
    void shouldRejectMaxRetriesBelowMinusOne() {
        assertInvalidTask(NegativeMaxRetriesBean.class, "sync", "TASKQ01005")
                .contains("@Task.maxRetries must be >= 0, or -1 to retry forever, was -2");
    }
}
