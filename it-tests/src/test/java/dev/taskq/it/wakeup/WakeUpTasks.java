package dev.taskq.it.wakeup;

import dev.taskq.Task;
import dev.taskq.it.support.Effect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

@ApplicationScoped
public class WakeUpTasks {

    /** When each key's task started, in this deployment. */
    static final Map<String, Instant> STARTED = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "app")
    EntityManager em;

    @Task
    public void ping(String key) {
        STARTED.put(key, Instant.now());
    }

    /** Records its start where another deployment can read it: an effect row whose detail is the start instant. */
    @Task
    public void pingInDatabase(String key) {
        em.persist(new Effect(key, "pingInDatabase", Instant.now().toString()));
    }
}
