package dev.taskq.it.eager;

import dev.taskq.Task;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/** Tasks for eager mode: one with a result, one that throws a checked exception. */
@ApplicationScoped
@Audited
public class EagerTasks {

    @Task
    public int add(int a, int b) {
        return a + b;
    }

    @Task
    public void explode(String reason) throws IOException {
        throw new IOException("exploded: " + reason);
    }
}
