package dev.taskq.cdi.errors.privatemethod;

import static dev.taskq.cdi.Deployments.assertInvalidTask;

import org.junit.jupiter.api.Test;

class PrivateTaskMethodTest {

    @Test
    void shouldRejectAPrivateTaskMethod() {
        assertInvalidTask(PrivateTaskBean.class, "cleanUp", "TASKQ01002")
                .contains("the method is private")
                .contains("make it public");
    }
}
