package dev.taskq.cdi.errors.backoff;

import static dev.taskq.cdi.Deployments.assertInvalidTask;

import org.junit.jupiter.api.Test;

/** The backoff's own rule, next to its cap's: a negative retryBackoff is no "no backoff" (that is 0). */
class NegativeBackoffTest {

    @Test
    void shouldRejectNegativeRetryBackoff() {
        assertInvalidTask(NegativeBackoffBean.class, "sync", "TASKQ01005")
                .contains("@Task.retryBackoff must be >= 0 seconds (0: no backoff), was -2");
    }
}
