package dev.taskq.it.concurrency;

import dev.taskq.Task;
import dev.taskq.it.support.Effect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A task that takes a little while, counts how many of its runs overlap, and records each run
 * under its own task id: in memory and as an effect row whose primary key is that id.
 */
@ApplicationScoped
public class InFlightTasks {

    static final String NAME = "InFlightTasks.run";

    /** Runs per task id. */
    static final Map<UUID, Integer> RUNS = new ConcurrentHashMap<>();

    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static final AtomicInteger MAX_IN_FLIGHT = new AtomicInteger();

    @PersistenceContext(unitName = "app")
    EntityManager em;

    @Task
    public void run(int number) throws InterruptedException {
        MAX_IN_FLIGHT.accumulateAndGet(IN_FLIGHT.incrementAndGet(), Math::max);
        try {
            UUID id = ownTaskId(number);
            RUNS.merge(id, 1, Integer::sum);
            em.persist(new Effect("run:" + id, NAME, String.valueOf(number)));
            // long enough for the runs to overlap when the worker runs them side by side
            Thread.sleep(20);
        } finally {
            IN_FLIGHT.decrementAndGet();
        }
    }

    /** The most runs that were ever in this method at once. */
    static int maxInFlight() {
        return MAX_IN_FLIGHT.get();
    }

    static void reset() {
        RUNS.clear();
        IN_FLIGHT.set(0);
        MAX_IN_FLIGHT.set(0);
    }

    /**
     * A task is not told its id, but its row is there, started, until the run commits, and every
     * task of this test has its own number: exactly one started row holds it, or this throws.
     */
    private UUID ownTaskId(int number) {
        return em.createQuery("select t.id from TaskEntity t where t.name = :name and t.args = :args and t.started = true", UUID.class)
                .setParameter("name", NAME)
                .setParameter("args", "[" + number + "]")
                .getSingleResult();
    }
}
