package dev.taskq.it.concurrency;

import dev.taskq.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A task that uses a request-scoped bean: in a request context of its own, the bean is new, so each run
 * counts its use as the first. A request context left active on a thread by an earlier task hands the next
 * task on that thread the same bean, whose count is then past one.
 */
@ApplicationScoped
public class RequestScopedTasks {

    /** The use count each run saw, in the order the runs ended. */
    static final List<Integer> USES_SEEN = new CopyOnWriteArrayList<>();

    @Inject
    Scratch scratch;

    @Task
    public void use(int number) throws InterruptedException {
        USES_SEEN.add(scratch.use());
        Thread.sleep(2); // short tasks that overlap: one activates its context while another ends its own
    }

    /** Per request context: how often it was used. */
    @RequestScoped
    public static class Scratch {
        private int uses;

        int use() {
            return ++uses;
        }
    }
}
