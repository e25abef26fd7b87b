package dev.taskq.it.wakeup;

import static dev.taskq.it.support.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.it.harness.Deployments;
import dev.taskq.it.support.InContainerTest;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two taskq applications on one database stand for two nodes: one only enqueues, the other works
 * with a 30 s poll interval. The worker hears of each committed enqueue through PostgreSQL
 * LISTEN/NOTIFY and starts it well under a second later; a rolled-back enqueue wakes nobody; it
 * listens again after losing its listening connection.
 */
@ExtendWith(ArquillianExtension.class)
class CrossNodeWakeUpIT extends InContainerTest {

    private static final Duration WELL_UNDER_A_SECOND = Duration.ofSeconds(1);
    private static final Duration WELL_BEFORE_THE_NEXT_POLL = Duration.ofSeconds(15);
    private static final String LISTENER = "SELECT pid FROM pg_stat_activity WHERE query = 'LISTEN taskq_wakeup'";

    @Deployment(name = "enqueuer", order = 1)
    static WebArchive enqueuer() {
        return Deployments.war("wakeup-enqueuer", Map.of("taskq.worker.enabled", "false"),
                CrossNodeWakeUpIT.class, WakeUpTasks.class);
    }

    @Deployment(name = "worker", order = 2, testable = false)
    static WebArchive worker() {
        return Deployments.war("wakeup-worker", Map.of("taskq.poll-interval", "30s"), WakeUpTasks.class);
    }

    @Inject
    UserTransaction transaction;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @BeforeEach
    void workerListens() throws Exception {
        within(Duration.ofSeconds(30)).until(() -> listenerPid().isPresent());
        startsAtOnce("warm-up-" + System.nanoTime()); // class loading and the first claim are not what is measured
    }

    @Test
    @OperateOnDeployment("enqueuer")
    void aTaskEnqueuedOnAnotherNodeStartsAtOnce() throws Exception {
        Duration latency = startsAtOnce("elsewhere");

        assertThat(latency).isLessThan(WELL_UNDER_A_SECOND);
    }

    @Test
    @OperateOnDeployment("enqueuer")
    void aRolledBackEnqueueOnAnotherNodeWakesNobody() throws Exception {
        // A due task nobody announced: only a wake-up or the worker's next poll (30 s after the warm-up) starts it.
        Instant due = Instant.now().plusSeconds(1);
        table.insertWaiting("WakeUpTasks.pingInDatabase", "[\"unannounced\"]", due);
        within(WELL_BEFORE_THE_NEXT_POLL).until(() -> Instant.now().isAfter(due));

        transaction.begin();
        tasks.enqueue(WakeUpTasks.class, t -> t.pingInDatabase("rolled back"));
        transaction.rollback();

        within(Duration.ofSeconds(4)).during(Duration.ofSeconds(3)).until(() -> table.effect("unannounced").isEmpty());
        // a committed enqueue does wake the worker, which then starts the unannounced task too
        startsAtOnce("committed");
        within(WELL_BEFORE_THE_NEXT_POLL).until(() -> table.effect("unannounced").isPresent());
        assertThat(table.effect("rolled back")).isEmpty();
    }

    @Test
    @OperateOnDeployment("enqueuer")
    void theWorkerListensAgainAfterLosingItsConnection() throws Exception {
        int before = listenerPid().orElseThrow();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(" + before + ")");
        }

        within(Duration.ofSeconds(30)).until(() -> listenerPid().filter(pid -> pid != before).isPresent());
        Duration latency = startsAtOnce("after reconnecting");

        assertThat(latency).isLessThan(WELL_UNDER_A_SECOND);
    }

    /** Enqueues a task that records its start, commits, and returns how long after the commit it started. */
    private Duration startsAtOnce(String key) throws Exception {
        transaction.begin();
        tasks.enqueue(WakeUpTasks.class, t -> t.pingInDatabase(key));
        transaction.commit();
        Instant committed = Instant.now();
        within(WELL_BEFORE_THE_NEXT_POLL).until(() -> table.effect(key).isPresent());
        return Duration.between(committed, Instant.parse(table.effect(key).orElseThrow().getDetail()));
    }

    private Optional<Integer> listenerPid() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet pids = statement.executeQuery(LISTENER)) {
            return pids.next() ? Optional.of(pids.getInt(1)) : Optional.empty();
        }
    }
}
