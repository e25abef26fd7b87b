package dev.taskq.cdi.errors.duplicatename;

import dev.taskq.Task;
import jakarta.enterprise.context.Dependent;

@Dependent
public class FirstMailer {

    @Task(name = "mail.send")
    public void send(String to) {
    }
}
