package dev.taskq.cdi.errors.backoffmax;

import static dev.taskq.cdi.Deployments.assertInvalidTask;

import org.junit.jupiter.api.Test;

class NegativeBackoffMaxTest {

    @Test
    void shouldRejectNegativeRetryBackoffMax() {
        assertInvalidTask(NegativeBackoffMaxBean.class, "sync", "TASKQ01005")
                .contains("@Task.retryBackoffMax must be >= 0 seconds, was -1");
    }
}
