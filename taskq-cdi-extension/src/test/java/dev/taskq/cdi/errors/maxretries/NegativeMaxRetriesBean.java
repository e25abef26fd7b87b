package dev.taskq.cdi.errors.maxretries;

import dev.taskq.Task;
import jakarta.enterprise.context.Dependent;

@Dependent
public class NegativeMaxRetriesBean {

    @Task(maxRetries = -2)
    public void sync() {
    }
}
