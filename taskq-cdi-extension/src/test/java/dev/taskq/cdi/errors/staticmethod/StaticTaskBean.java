package dev.taskq.cdi.errors.staticmethod;

import dev.taskq.Task;
import jakarta.enterprise.context.Dependent;

@Dependent
public class StaticTaskBean {

    @Task
    public static void cleanUp() {
    }
}
