package dev.taskq.cdi.internal.health;

import dev.taskq.cdi.internal.TaskqConfig;
import dev.taskq.cdi.internal.TaskqRuntime;
import dev.taskq.jpa.internal.StateTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@code taskq}: the counts of the five groups and the age of the oldest pending
 * task. DOWN when the database cannot be reached, and when more tasks are dirty than
 * {@code taskq.health.max-dirty} (by default dirty tasks alone never make it DOWN).
 */
@Readiness
@ApplicationScoped
public class TaskqReadinessCheck implements HealthCheck {

    @Inject
    TaskqRuntime runtime;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("taskq");
        Instant now = runtime.clock().instant();
        StateTotals totals;
        try {
            totals = runtime.repository().totals(now, runtime.config().dirtyAfter());
        } catch (RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
        response.withData("failed", totals.failed())
                .withData("dirty", totals.dirty())
                .withData("active", totals.active())
                .withData("pending", totals.pending())
                .withData("future", totals.future())
                .withData("oldestPendingAgeSeconds",
                        totals.oldestPendingExecuteAt().map(oldest -> Duration.between(oldest, now).toSeconds()).orElse(0L));
        boolean tooManyDirty = runtime.config().healthMaxDirty().isPresent() && totals.dirty() > runtime.config().healthMaxDirty().getAsLong();
        if (tooManyDirty) {
            response.withData("reason", totals.dirty() + " dirty tasks, more than " + TaskqConfig.HEALTH_MAX_DIRTY + "="
                    + runtime.config().healthMaxDirty().getAsLong() + "; retry or delete them");
        }
        return response.status(!tooManyDirty).build();
    }
}
