package dev.taskq.cdi.errors.staticmethod;

import static dev.taskq.cdi.Deployments.assertInvalidTask;

import org.junit.jupiter.api.Test;

class StaticTaskMethodTest {

    @Test
    void shouldRejectAStaticTaskMethod() {
        assertInvalidTask(StaticTaskBean.class, "cleanUp", "TASKQ01001")
                .contains("the method is static");
    }
}
