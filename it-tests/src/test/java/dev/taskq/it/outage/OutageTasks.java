package dev.taskq.it.outage;

import dev.taskq.Task;
import dev.taskq.it.support.Effect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Tasks that count their starts in memory and write one effect row keyed by their key. */
@ApplicationScoped
public class OutageTasks {

    static final Map<String, Integer> STARTS = new ConcurrentHashMap<>();
    /** The keys of the {@link #hold} tasks that have written their effect and now wait for {@link #RELEASE}. */
    static final Set<String> HOLDING = ConcurrentHashMap.newKeySet();
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @PersistenceContext(unitName = "app")
    EntityManager em;

    /** Works a little. */
    @Task
    public void work(String key) throws InterruptedException {
        STARTS.merge(key, 1, Integer::sum);
        Thread.sleep(5); // stands in for real work
        em.persist(new Effect(key, "OutageTasks.work", null));
    }

    /**
     * Writes its effect to the database (the flush sends it: the task's transaction now holds a database
     * session), then waits for {@link #RELEASE}, as a long task in the middle of its work does.
     */
    @Task
    public void hold(String key) throws InterruptedException {
        STARTS.merge(key, 1, Integer::sum);
        em.persist(new Effect(key, "OutageTasks.hold", null));
        em.flush();
        HOLDING.add(key);
        RELEASE.await(3, TimeUnit.MINUTES);
    }
}
