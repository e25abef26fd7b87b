package dev.taskq.it.queues;

import dev.taskq.Task;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One task on queue a, one on queue b. */
@ApplicationScoped
public class QueueTasks {

    static final Set<String> RAN = ConcurrentHashMap.newKeySet();

    @Task(queue = "a")
    public void onA(String key) {
        RAN.add(key);
    }

    @Task(queue = "b")
    public void onB(String key) {
        RAN.add(key);
    }
}
