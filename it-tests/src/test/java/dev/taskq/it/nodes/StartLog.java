package dev.taskq.it.nodes;

import dev.taskq.it.support.Effect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.UUID;

/** Writes a note that commits at once, independently of the calling task's transaction. */
@ApplicationScoped
public class StartLog {

    @PersistenceContext(unitName = "app")
    EntityManager em;

    @Transactional(TxType.REQUIRES_NEW)
    public void started(String key, String node) {
        em.persist(new Effect(note("started", key), "NodeTasks.block", "started on " + node));
    }

    /** A fresh id for each note, so that a second start or completion adds a row instead of failing. */
    static String note(String what, String key) {
        return what + ":" + key + ":" + UUID.randomUUID();
    }
}
