package dev.taskq.it.nodes;

import dev.taskq.Task;
import dev.taskq.it.support.Effect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Tasks whose effect rows tell which node ran them (the effect's detail). */
@ApplicationScoped
public class NodeTasks {

    static final String QUEUE = "nodes";

    @PersistenceContext(unitName = "app")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "taskq.node")
    String node;

    @Inject
    StartLog startLog;

    /** One effect row, keyed by the task's number: a second run of the task would be a duplicate key. */
    @Task(queue = QUEUE)
    public void record(int number) {
        em.persist(new Effect(recordKey(number), "NodeTasks.record", node));
    }

    /**
     * Notes its start in a transaction of its own (so the note survives whatever happens next),
     * works for {@code millis}, then notes its completion in the task's transaction.
     */
    @Task(queue = QUEUE)
    public void block(String key, long millis) throws InterruptedException {
        startLog.started(key, node);
        Thread.sleep(millis); // stands in for real work that takes this long
        em.persist(new Effect(StartLog.note("finished", key), "NodeTasks.block", "finished on " + node));
    }

    static String recordKey(int number) {
        return "record:" + number;
    }
}
