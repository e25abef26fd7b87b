package dev.taskq.cdi.errors.duplicatename.b;

import dev.taskq.Task;
import jakarta.enterprise.context.Dependent;

/** Same simple name and method as {@code a.Reports}, so both default to the task name "Reports.daily". */
@Dependent
public class Reports {

    @Task
    public void daily() {
    }
}
