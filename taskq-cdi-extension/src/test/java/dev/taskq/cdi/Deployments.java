package dev.taskq.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.enterprise.inject.spi.DefinitionException;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.AbstractStringAssert;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Starts a Weld SE container with only {@link TaskqExtension} and the given beans, the way a WAR
 * with taskq would deploy, but without a database: the workers and the migration are off.
 */
public final class Deployments {

    /** A node that only enqueues and leaves the schema alone, so startup needs no JNDI. */
    public static final Map<String, String> NO_DATABASE = Map.of("taskq.worker.enabled", "false", "taskq.migrate", "false");

    private Deployments() {
    }

    /** Deploys the beans with {@link #NO_DATABASE}; close the container when done. */
    public static WeldContainer deploy(Class<?>... beanClasses) {
        return deploy(NO_DATABASE, beanClasses);
    }

    /**
     * Deploys the beans with the given configuration, set as system properties (which
     * smallrye-config reads) while the container starts, and removed afterwards.
     */
    public static WeldContainer deploy(Map<String, String> config, Class<?>... beanClasses) {
        config.forEach(System::setProperty);
        try {
            return new Weld("taskq-test-" + UUID.randomUUID())
                    .disableDiscovery()
                    .addExtension(new TaskqExtension())
                    .addBeanClasses(beanClasses)
                    .initialize();
        } finally {
            config.keySet().forEach(System::clearProperty);
            // smallrye-config caches the Config per class loader; the next deployment gets a fresh one
            ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
        }
    }

    /** Deploys the beans with {@link #NO_DATABASE}, expects the deployment to fail and returns what was thrown. */
    public static Throwable deploymentFailure(Class<?>... beanClasses) {
        return deploymentFailure(NO_DATABASE, beanClasses);
    }

    /** Deploys the beans with the given configuration, expects the deployment to fail and returns what was thrown. */
    public static Throwable deploymentFailure(Map<String, String> config, Class<?>... beanClasses) {
        Throwable thrown = catchThrowable(() -> deploy(config, beanClasses).close());
        assertThat(thrown).as("the deployment of %s should fail", List.of(beanClasses)).isNotNull();
        return thrown;
    }

    /**
     * Deploys the one bean, expects the deployment to fail with a definition error that starts
     * "{@code messageId}: Invalid @Task on bean.method", and returns an assertion on the whole
     * failure's text for the rule's own words.
     */
    public static AbstractStringAssert<?> assertInvalidTask(Class<?> beanClass, String method, String messageId) {
        Throwable failure = deploymentFailure(beanClass);
        assertThat(failure).isInstanceOf(DefinitionException.class);
        return assertThat(fullText(failure)).contains(messageId + ": Invalid @Task on " + beanClass.getName() + "." + method);
    }

    /** The class and message of the throwable, its causes and its suppressed exceptions, one per line. */
    public static String fullText(Throwable throwable) {
        StringBuilder text = new StringBuilder();
        append(throwable, text, Collections.newSetFromMap(new IdentityHashMap<>()));
        return text.toString();
    }

    private static void append(Throwable throwable, StringBuilder text, Set<Throwable> seen) {
        if (throwable == null || !seen.add(throwable)) {
            return;
        }
        text.append(throwable).append('\n');
        for (Throwable suppressed : throwable.getSuppressed()) {
            append(suppressed, text, seen);
        }
        append(throwable.getCause(), text, seen);
    }
}
