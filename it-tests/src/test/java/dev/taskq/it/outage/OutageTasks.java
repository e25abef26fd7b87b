package dev.taskq.it.outage;

import dev.taskq.Task;
import dev.taskq.it.support.Effect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A task that counts its starts in memory, works a little, and writes one effect row keyed by its key. */
@ApplicationScoped
public class OutageTasks {

    static final Map<String, Integer> STARTS = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "app")
    EntityManager em;

    @Task
    public void work(String key) throws InterruptedException {
        STARTS.merge(key, 1, Integer::sum);
        Thread.sleep(5); // stands in for real work
        em.persist(new Effect(key, "OutageTasks.work", null));
    }
}
