package dev.taskq.it.wakeup;

import dev.taskq.Task;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

@ApplicationScoped
public class WakeUpTasks {

    static final Set<String> RAN = ConcurrentHashMap.newKeySet();

    @Task
    public void ping(String key) {
        RAN.add(key);
    }
}
