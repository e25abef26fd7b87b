package dev.taskq.cdi.errors.everybean;

import dev.taskq.Task;
import jakarta.enterprise.context.Dependent;

@Dependent
public class FinalTaskBean {

    @Task
    public final void archive() {
    }
}
