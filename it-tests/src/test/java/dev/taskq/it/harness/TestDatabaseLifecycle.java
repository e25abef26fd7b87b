package dev.taskq.it.harness;

import org.jboss.arquillian.container.spi.event.container.AfterStop;
import org.jboss.arquillian.container.spi.event.container.BeforeStart;
import org.jboss.arquillian.core.api.annotation.Observes;

/** Starts the run's database before the container starts, and drops it after the container stopped. */
public class TestDatabaseLifecycle {

    private TestDatabase database;

    public void beforeStart(@Observes BeforeStart event) throws Exception {
        if (database == null) {
            database = TestDatabase.start();
            database.writeServerVariables(ServerFiles.overridesDirectory());
        }
    }

    public void afterStop(@Observes AfterStop event) throws Exception {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
