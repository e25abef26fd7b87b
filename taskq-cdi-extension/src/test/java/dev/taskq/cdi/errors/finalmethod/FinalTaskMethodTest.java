package dev.taskq.cdi.errors.finalmethod;

import static dev.taskq.cdi.Deployments.assertInvalidTask;

import org.junit.jupiter.api.Test;

class FinalTaskMethodTest {

    @Test
    void shouldRejectAFinalTaskMethod() {
        assertInvalidTask(FinalTaskBean.class, "cleanUp", "TASKQ01003")
                .contains("the method is final")
                .contains("remove 'final'");
    }
}
