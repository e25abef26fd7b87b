package dev.taskq.it.harness;

import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registered only in the test JVM (never deployed): gives the managed Liberty a fresh PostgreSQL
 * database before it starts and removes it after it stopped.
 */
public class DatabaseExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(TestDatabaseLifecycle.class);
    }
}
