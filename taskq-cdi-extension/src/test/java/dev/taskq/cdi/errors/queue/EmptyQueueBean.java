package dev.taskq.cdi.errors.queue;

import dev.taskq.Task;
import jakarta.enterprise.context.Dependent;

@Dependent
public class EmptyQueueBean {

    @Task(queue = "")
    public void sync() {
    }
}
