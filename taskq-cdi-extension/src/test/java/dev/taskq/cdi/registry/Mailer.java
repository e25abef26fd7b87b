package dev.taskq.cdi.registry;

import dev.taskq.Task;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class Mailer {

    @Task
    public void welcome(long userId) {
    }

    @Task(name = "mail.digest", queue = "mail")
    void digest(List<String> addresses) {
    }

    public void notATask() {
    }
}
