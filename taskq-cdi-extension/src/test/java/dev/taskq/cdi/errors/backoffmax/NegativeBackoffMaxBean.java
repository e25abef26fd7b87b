package dev.taskq.cdi.errors.backoffmax;

import dev.taskq.Task;
import jakarta.enterprise.context.Dependent;

@Dependent
public class NegativeBackoffMaxBean {

    @Task(retryBackoff = 1, retryBackoffMax = -1)
    public void sync() {
    }
}
