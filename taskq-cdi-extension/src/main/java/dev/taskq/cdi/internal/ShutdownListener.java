package dev.taskq.cdi.internal;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.Set;

/**
 * Stops the workers when the web module stops, before the server closes the application's
 * persistence units and datasources: a {@code @PreDestroy} alone comes too late, when running
 * tasks could no longer commit. Registered through {@code META-INF/services} as a
 * ServletContainerInitializer, so the application declares nothing.
 */
public class ShutdownListener implements ServletContainerInitializer, ServletContextListener {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        context.addListener(this);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        CDI.current().select(WorkerPool.class).get().stop();
    }
}
