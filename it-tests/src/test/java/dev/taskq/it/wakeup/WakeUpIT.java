package dev.taskq.it.wakeup;

import static dev.taskq.it.support.Eventually.within;

import dev.taskq.TaskQueue;
import dev.taskq.it.harness.Deployments;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An idle worker starts a task as soon as its enqueue commits, not at its next poll: with a
 * 30 s poll interval the task still runs within a few seconds.
 */
@ExtendWith(ArquillianExtension.class)
class WakeUpIT {

    private static final Duration WELL_BEFORE_THE_NEXT_POLL = Duration.ofSeconds(5);

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("wakeup", Map.of("taskq.poll-interval", "30s"), WakeUpIT.class, WakeUpTasks.class);
    }

    @Inject
    TaskQueue tasks;

    @Inject
    UserTransaction transaction;

    @Test
    void anEnqueueWithoutTransactionWakesTheIdleWorker() {
        tasks.enqueue(WakeUpTasks.class, t -> t.ping("autocommit"));

        within(WELL_BEFORE_THE_NEXT_POLL).until(() -> WakeUpTasks.RAN.contains("autocommit"));
    }

    @Test
    void aCommittedEnqueueWakesTheIdleWorker() throws Exception {
        transaction.begin();
        tasks.enqueue(WakeUpTasks.class, t -> t.ping("first"));
        tasks.enqueue(WakeUpTasks.class, t -> t.ping("second"));
        transaction.commit();

        within(WELL_BEFORE_THE_NEXT_POLL).until(() -> WakeUpTasks.RAN.containsAll(java.util.List.of("first", "second")));
    }
}
