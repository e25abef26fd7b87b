package dev.taskq.cdi.errors.severalproblems;

import dev.taskq.Task;
import jakarta.enterprise.context.Dependent;

@Dependent
public class SeveralProblemsBean {

    @Task
    public static void staticTask() {
    }

    @Task
    private void privateTask() {
    }

    @Task
    public void validTask() {
    }
}
