package dev.taskq.cdi.errors.config;

import dev.taskq.Task;
import jakarta.enterprise.context.Dependent;

@Dependent
public class ValidBean {

    @Task
    public void sync() {
    }
}
