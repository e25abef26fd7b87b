package dev.taskq.cdi.errors.duplicatename;

import dev.taskq.Task;
import jakarta.enterprise.context.Dependent;

@Dependent
public class SecondMailer {

    @Task(name = "mail.send")
    public void deliver(String to) {
    }
}
