package dev.taskq.cdi.errors.duplicatename.a;

import dev.taskq.Task;
import jakarta.enterprise.context.Dependent;

/** Same simple name and method as {@code b.Reports}, so both default to the task name "Reports.daily". */
@Dependent
public class Reports {

    @Task
    public void daily() {
    }
}
