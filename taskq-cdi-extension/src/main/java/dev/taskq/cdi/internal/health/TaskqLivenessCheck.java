package dev.taskq.cdi.internal.health;

import dev.taskq.cdi.internal.WorkerPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Liveness check {@code taskq-workers}: DOWN if a worker's claim loop or the heartbeat has died. */
@Liveness
@ApplicationScoped
public class TaskqLivenessCheck implements HealthCheck {

    @Inject
    WorkerPool workers;

    @Override
    public HealthCheckResponse call() {
        List<String> dead = workers.deadLoops();
        return HealthCheckResponse.named("taskq-workers")
                .status(dead.isEmpty())
                .withData("dead", String.join(", ", dead))
                .build();
    }
}
