package dev.taskq.cdi.errors.queue;

import static dev.taskq.cdi.Deployments.assertInvalidTask;

import org.junit.jupiter.api.Test;

class EmptyQueueTest {

    @Test
    void shouldRejectAnEmptyQueueName() {
        assertInvalidTask(EmptyQueueBean.class, "sync", "TASKQ01005")
                .contains("@Task.queue must not be empty, was ''");
    }
}
