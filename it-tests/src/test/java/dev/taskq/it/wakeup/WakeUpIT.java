package dev.taskq.it.wakeup;

import static dev.taskq.it.support.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.it.harness.Deployments;
import dev.taskq.it.support.InContainerTest;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An idle worker starts a task as soon as its enqueue commits, not at its next poll: with a 30 s
 * poll interval the task starts well under a second after the commit. A rolled-back enqueue wakes
 * nobody.
 */
@ExtendWith(ArquillianExtension.class)
class WakeUpIT extends InContainerTest {

    private static final Duration WELL_UNDER_A_SECOND = Duration.ofSeconds(1);
    private static final Duration WELL_BEFORE_THE_NEXT_POLL = Duration.ofSeconds(15);

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("wakeup", Map.of("taskq.poll-interval", "30s"), WakeUpIT.class, WakeUpTasks.class);
    }

    @Inject
    UserTransaction transaction;

    /** A first task, so that class loading and the first claim are not what the tests measure. */
    @BeforeEach
    void warmUp() {
        String key = "warm-up-" + System.nanoTime();
        tasks.enqueue(WakeUpTasks.class, t -> t.ping(key));
        within(WELL_BEFORE_THE_NEXT_POLL).until(() -> WakeUpTasks.STARTED.containsKey(key));
        within(WELL_BEFORE_THE_NEXT_POLL).until(() -> table.tasks() == 0);
    }

    @Test
    void anEnqueueWithoutTransactionStartsAtOnce() {
        tasks.enqueue(WakeUpTasks.class, t -> t.ping("autocommit"));
        Instant committed = Instant.now();

        within(WELL_BEFORE_THE_NEXT_POLL).until(() -> WakeUpTasks.STARTED.containsKey("autocommit"));
        assertThat(Duration.between(committed, WakeUpTasks.STARTED.get("autocommit"))).isLessThan(WELL_UNDER_A_SECOND);
    }

    @Test
    void aCommittedEnqueueStartsAtOnce() throws Exception {
        transaction.begin();
        tasks.enqueue(WakeUpTasks.class, t -> t.ping("first"));
        tasks.enqueue(WakeUpTasks.class, t -> t.ping("second"));
        transaction.commit();
        Instant committed = Instant.now();

        within(WELL_BEFORE_THE_NEXT_POLL).until(() -> WakeUpTasks.STARTED.keySet().containsAll(List.of("first", "second")));
        assertThat(Duration.between(committed, WakeUpTasks.STARTED.get("first"))).isLessThan(WELL_UNDER_A_SECOND);
        assertThat(Duration.between(committed, WakeUpTasks.STARTED.get("second"))).isLessThan(WELL_UNDER_A_SECOND);
    }

    @Test
    void aRolledBackEnqueueWakesNobody() throws Exception {
        // A due task nobody announced: only a wake-up or the next poll (30 s away) gets it started.
        Instant due = Instant.now().plusSeconds(1);
        table.insertWaiting("WakeUpTasks.ping", "[\"unannounced\"]", due);
        within(WELL_BEFORE_THE_NEXT_POLL).until(() -> Instant.now().isAfter(due));

        transaction.begin();
        tasks.enqueue(WakeUpTasks.class, t -> t.ping("rolled back"));
        transaction.rollback();

        within(Duration.ofSeconds(4)).during(Duration.ofSeconds(3))
                .until(() -> !WakeUpTasks.STARTED.containsKey("unannounced"));
        tasks.enqueue(WakeUpTasks.class, t -> t.ping("committed"));
        within(WELL_BEFORE_THE_NEXT_POLL).until(() -> WakeUpTasks.STARTED.keySet().containsAll(List.of("committed", "unannounced")));
        assertThat(WakeUpTasks.STARTED).doesNotContainKey("rolled back");
    }
}
