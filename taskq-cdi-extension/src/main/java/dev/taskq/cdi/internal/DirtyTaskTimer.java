package dev.taskq.cdi.internal;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.inject.spi.CDI;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The non-persistent EJB timer that looks for dirty tasks every 5 seconds. Needs Enterprise
 * Beans Lite in the server (Liberty: {@code enterpriseBeansLite-4.0}); without it nothing warns
 * about dirty tasks, but the health check and the console still count them.
 */
@Singleton
public class DirtyTaskTimer {

    private static final Logger LOG = Logger.getLogger(DirtyTaskTimer.class.getName());

    private final FailureStreak failures = new FailureStreak();

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void lookForDirtyTasks() {
        try {
            // looked up, not injected: this jar is no bean archive, its beans are added by TaskqExtension
            CDI.current().select(DirtyTaskWatch.class).get().check();
            if (failures.succeeded()) {
                LOG.info("taskq looks for dirty tasks again");
            }
        } catch (RuntimeException e) {
            if (failures.failed()) {
                LOG.log(Level.WARNING, "taskq cannot look for dirty tasks: " + e.getMessage() + ". It tries again every 5 seconds.", e);
            }
        }
    }
}
