package dev.taskq.cdi.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.cdi.Deployments;
import dev.taskq.cdi.FailingDataSource;
import dev.taskq.cdi.TestNaming;
import dev.taskq.cdi.internal.TaskqConfig;
import dev.taskq.cdi.internal.health.TaskqLivenessCheck;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import javax.naming.Context;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Liveness;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The liveness check {@code taskq-workers} is DOWN once a worker loop has died, and only then. The claim
 * loop catches every RuntimeException, so a database that is away is retried for ever; what ends the loop
 * is an Error, here the OutOfMemoryError a JVM short of heap throws wherever it allocates, thrown where
 * the claim asks the datasource for a connection. The workers run on plain threads, with no database.
 */
class WorkerLivenessTest {

    private static final String CLAIM_LOOP = "taskq-worker-default";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static String previousNaming;
    private final RecordingThreadFactory threads = new RecordingThreadFactory();
    private WeldContainer container;

    @BeforeAll
    static void runWithoutAServer() {
        previousNaming = System.setProperty(Context.INITIAL_CONTEXT_FACTORY, TestNaming.class.getName());
        HealthCheckResponse.setResponseProvider(PlainResponseBuilder::new);
    }

    @AfterAll
    static void restoreNaming() {
        if (previousNaming == null) {
            System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        } else {
            System.setProperty(Context.INITIAL_CONTEXT_FACTORY, previousNaming);
        }
    }

    @BeforeEach
    void bindTheServersResources() {
        TestNaming.bind(TaskqConfig.DEFAULT_THREAD_FACTORY, threads);
        TestNaming.bind(TaskqConfig.DEFAULT_EXECUTOR, unusedExecutor());
    }

    @AfterEach
    void undeploy() {
        if (container != null) {
            container.close();
        }
        TestNaming.clear();
    }

    @Test
    void shouldBeDownOnceAnErrorHasKilledAClaimLoop() throws InterruptedException {
        OutOfMemoryError outOfMemory = new OutOfMemoryError("Java heap space");
        deployWorkersOn(new FailingDataSource(() -> outOfMemory));

        Thread claimLoop = threads.named(CLAIM_LOOP);
        claimLoop.join(TIMEOUT.toMillis());
        assertThat(claimLoop.isAlive()).as("the claim loop, %s after its first claim", TIMEOUT).isFalse();
        assertThat(threads.deathOf(CLAIM_LOOP)).as("what ended the claim loop").containsSame(outOfMemory);

        HealthCheckResponse liveness = liveness();
        assertThat(liveness.getName()).isEqualTo("taskq-workers");
        assertThat(liveness.getStatus()).isEqualTo(Status.DOWN);
        assertThat(liveness.getData()).hasValueSatisfying(data -> assertThat(data).containsEntry("dead", "worker of queue default"));
    }

    @Test
    void shouldStayUpWhileTheClaimLoopRetriesADatabaseThatIsAway() throws InterruptedException {
        FailingDataSource database = new FailingDataSource(() -> new SQLException("Connection refused", "08001"));
        deployWorkersOn(database);

        // the third attempt proves the loop lived through two failures
        assertThat(database.awaitAttempts(3, TIMEOUT)).as("three claim attempts within %s", TIMEOUT).isTrue();
        assertThat(threads.named(CLAIM_LOOP).isAlive()).as("the claim loop").isTrue();

        HealthCheckResponse liveness = liveness();
        assertThat(liveness.getStatus()).isEqualTo(Status.UP);
        assertThat(liveness.getData()).hasValueSatisfying(data -> assertThat(data).containsEntry("dead", ""));
    }

    /** Starts the workers of queue {@code default} on {@code database}; the wake-up listener is off, the claim loop is what is tested. */
    private void deployWorkersOn(FailingDataSource database) {
        TestNaming.bind(TaskqConfig.DEFAULT_DATASOURCE, database);
        container = Deployments.deploy(Map.of(
                "taskq.migrate", "false",
                "taskq.notify", "false",
                "taskq.poll-interval", "10ms"));
    }

    private HealthCheckResponse liveness() {
        return container.select(TaskqLivenessCheck.class, Liveness.Literal.INSTANCE).get().call();
    }

    /** The claim loop never gets a task to hand over: every call fails loudly. */
    private static ManagedExecutorService unusedExecutor() {
        return (ManagedExecutorService) Proxy.newProxyInstance(ManagedExecutorService.class.getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class}, (proxy, method, arguments) -> {
                    throw new UnsupportedOperationException("no task should reach the executor, but " + method.getName() + " was called");
                });
    }
}
