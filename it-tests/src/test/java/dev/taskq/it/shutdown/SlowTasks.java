package dev.taskq.it.shutdown;

import dev.taskq.Task;
import dev.taskq.it.support.Effect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** A task that works for a while, then writes its effect. */
@ApplicationScoped
public class SlowTasks {

    @PersistenceContext(unitName = "app")
    EntityManager em;

    @Task
    public void work(String key, long millis) throws InterruptedException {
        Thread.sleep(millis); // stands in for real work that takes this long
        em.persist(new Effect(key, "SlowTasks.work", null));
    }
}
