package dev.taskq.cdi.errors.privatemethod;

import dev.taskq.Task;
import jakarta.enterprise.context.Dependent;

@Dependent
public class PrivateTaskBean {

    @Task
    private void cleanUp() {
    }
}
