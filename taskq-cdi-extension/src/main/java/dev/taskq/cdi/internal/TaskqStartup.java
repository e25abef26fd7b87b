package dev.taskq.cdi.internal;

import dev.taskq.jpa.internal.SchemaMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Brings taskq up once the application has started: migrates the task table (unless
 * {@code taskq.migrate=false}), then starts the workers. Threads are started here, never from
 * the extension's observers.
 */
@ApplicationScoped
public class TaskqStartup {

    private static final Logger LOG = Logger.getLogger(TaskqStartup.class.getName());

    @Inject
    TaskqRuntime runtime;

    @Inject
    WorkerPool workers;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (runtime.config().migrate()) {
            SchemaMigrator.migrate(runtime.dataSource());
        }
        workers.start();
        LOG.info(() -> "taskq started: " + runtime.registry().size() + " task(s), node " + runtime.config().node());
    }
}
