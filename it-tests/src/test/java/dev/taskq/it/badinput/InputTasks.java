package dev.taskq.it.badinput;

import dev.taskq.Task;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Tasks with parameters that bad input can miss. */
@ApplicationScoped
public class InputTasks {

    static final Set<String> RAN = ConcurrentHashMap.newKeySet();

    @Task
    public void count(String key, int number) {
        RAN.add(key);
    }

    @Task
    public void other(String key) {
        RAN.add(key);
    }

    @Task
    public void anything(Object value) {
    }

    @Task
    public void unwritable(Unwritable value) {
    }

    @Task
    public void noDefaultConstructor(NoDefaultConstructor value) {
    }

    @Task
    public void labelled(String label, Unwritable value) {
    }

    public void notATask(String key) {
    }
}
