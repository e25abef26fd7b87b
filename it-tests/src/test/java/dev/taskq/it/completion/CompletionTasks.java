package dev.taskq.it.completion;

import dev.taskq.Task;
import dev.taskq.it.support.Effect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** A task that writes an effect row and then fails. */
@ApplicationScoped
public class CompletionTasks {

    @PersistenceContext(unitName = "app")
    EntityManager em;

    @Task
    public void writeThenFail(String key) {
        em.persist(new Effect("batched-fail:" + key, "CompletionTasks.writeThenFail", key));
        em.flush();
        throw new IllegalStateException("refused " + key);
    }
}
