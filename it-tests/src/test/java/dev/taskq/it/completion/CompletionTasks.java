package dev.taskq.it.completion;

import dev.taskq.Task;
import dev.taskq.it.support.Effect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Tasks that count their runs in memory and write one effect row keyed by their number; one always fails. */
@ApplicationScoped
public class CompletionTasks {

    static final Map<Integer, Integer> RUNS = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "app")
    EntityManager em;

    @Task
    public void count(int number) {
        RUNS.merge(number, 1, Integer::sum);
        em.persist(new Effect("batched:" + number, "CompletionTasks.count", null));
    }

    @Task
    public void writeThenFail(String key) {
        em.persist(new Effect("batched-fail:" + key, "CompletionTasks.writeThenFail", key));
        em.flush();
        throw new IllegalStateException("refused " + key);
    }
}
