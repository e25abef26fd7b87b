package dev.taskq.it.support;

import dev.taskq.Task;
import dev.taskq.it.support.Effect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A task that counts its runs in memory and writes one effect row, keyed by its number: proves exactly-once. */
@ApplicationScoped
public class CountingTasks {

    public static final Map<Integer, Integer> RUNS = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "app")
    EntityManager em;

    @Task
    public void count(int number) {
        RUNS.merge(number, 1, Integer::sum);
        em.persist(new Effect("count:" + number, "CountingTasks.count", null));
    }
}
