package dev.taskq.cdi.errors.countdown;

import dev.taskq.Task;
import jakarta.enterprise.context.Dependent;

@Dependent
public class NegativeCountdownBean {

    @Task(countdown = -1)
    public void sync() {
    }
}
