package dev.taskq.it.console;

import dev.taskq.Task;
import dev.taskq.it.support.Effect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The task a console test retries: it leaves an effect, so the test sees that it ran. */
@ApplicationScoped
public class ConsoleTasks {

    @PersistenceContext(unitName = "app")
    EntityManager em;

    @Task
    public void record(String key) {
        em.persist(new Effect(key, "ConsoleTasks.record", null));
    }
}
