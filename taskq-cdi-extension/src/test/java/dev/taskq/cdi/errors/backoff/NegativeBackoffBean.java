package dev.taskq.cdi.errors.backoff;

import dev.taskq.Task;
import jakarta.enterprise.context.Dependent;

@Dependent
public class NegativeBackoffBean {

    @Task(retryBackoff = -2)
    public void sync() {
    }
}
