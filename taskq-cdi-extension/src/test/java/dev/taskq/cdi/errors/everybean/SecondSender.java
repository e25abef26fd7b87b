package dev.taskq.cdi.errors.everybean;

import dev.taskq.Task;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SecondSender {

    @Task(name = "send")
    public void deliver() {
    }
}
