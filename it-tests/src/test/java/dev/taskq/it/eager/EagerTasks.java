package dev.taskq.it.eager;

import dev.taskq.Task;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/** Tasks for eager mode: one with a result, one that throws a checked exception. Both note the thread they ran in. */
@ApplicationScoped
@Audited
public class EagerTasks {

    /** The thread of the last run: eager mode must use the caller's own. */
    static final AtomicReference<Thread> RAN_IN = new AtomicReference<>();

    @Task
    public int add(int a, int b) {
        RAN_IN.set(Thread.currentThread());
        return a + b;
    }

    @Task
    public void explode(String reason) throws IOException {
        RAN_IN.set(Thread.currentThread());
        throw new IOException("exploded: " + reason);
    }
}
