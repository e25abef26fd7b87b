package dev.taskq.cdi;

import dev.taskq.Task;
import dev.taskq.cdi.internal.BatchedCompletion;
import dev.taskq.cdi.internal.CommitWakeUp;
import dev.taskq.cdi.internal.DefaultTaskQueue;
import dev.taskq.cdi.internal.DirtyTaskWatch;
import dev.taskq.cdi.internal.EnqueueBuffer;
import dev.taskq.cdi.internal.TaskConsole;
import dev.taskq.cdi.internal.TaskDefinitions;
import dev.taskq.cdi.internal.TaskInvoker;
import dev.taskq.cdi.internal.TaskRegistry;
import dev.taskq.cdi.internal.TaskqConfig;
import dev.taskq.cdi.internal.TaskqRuntime;
import dev.taskq.cdi.internal.TaskqStartup;
import dev.taskq.cdi.internal.WorkerPool;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The CDI portable extension that finds {@link Task} methods on the application's beans, checks
 * them and the configuration at deployment, and registers taskq's own beans. Registered through
 * {@code META-INF/services}; nothing else of this module is API.
 *
 * <p>Every invalid declaration fails the deployment with a message naming the class, the method
 * and the rule, and every problem is reported, not only the first.
 */
public class TaskqExtension implements Extension {

    private static final List<Class<?>> INTERNAL_BEANS = List.of(TaskqRuntime.class, DefaultTaskQueue.class,
            TaskInvoker.class, WorkerPool.class, TaskqStartup.class, CommitWakeUp.class, DirtyTaskWatch.class,
            TaskConsole.class,
            EnqueueBuffer.class, BatchedCompletion.class);

    private final TaskDefinitions definitions = new TaskDefinitions();
    private final List<DefinitionException> beanProblems = new CopyOnWriteArrayList<>();
    private volatile TaskRegistry registry;

    /** The health checks, added only where the server offers MicroProfile Health. */
    private static final List<String> HEALTH_CHECKS = List.of("dev.taskq.cdi.internal.health.TaskqReadinessCheck",
            "dev.taskq.cdi.internal.health.TaskqLivenessCheck");

    /** Adds taskq's beans explicitly, so they exist whatever the archive's bean discovery mode. */
    void registerInternalBeans(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        for (Class<?> type : INTERNAL_BEANS) {
            register(event, beanManager, type);
        }
        if (healthApiPresent()) {
            for (String name : HEALTH_CHECKS) {
                try {
                    register(event, beanManager, Class.forName(name, true, TaskqExtension.class.getClassLoader()));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("taskq-cdi-extension is incomplete: " + name + " is missing", e);
                }
            }
        }
    }

    private static void register(BeforeBeanDiscovery event, BeanManager beanManager, Class<?> type) {
        event.addAnnotatedType(beanManager.createAnnotatedType(type), TaskqExtension.class.getName() + "." + type.getSimpleName());
    }

    private static boolean healthApiPresent() {
        try {
            Class.forName("org.eclipse.microprofile.health.HealthCheck", false, TaskqExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Collects the {@link Task} methods of each managed bean and keeps each broken rule for
     * {@link #reportEveryProblem}. {@code ProcessManagedBean} skips vetoed types and sees the final
     * annotated type.
     */
    <T> void collectTasks(@Observes ProcessManagedBean<T> event) {
        beanProblems.addAll(definitions.collect(event.getBean(), event.getAnnotatedBeanClass().getJavaClass(), ConfigProvider.getConfig()));
    }

    /**
     * Reports the problems of every bean, the duplicate task names and the bad configuration
     * together, in one event. Errors added while a bean is processed may abort the deployment
     * before the next bean, or the checks across beans, are seen; then a user would fix one
     * problem per deployment attempt.
     */
    void reportEveryProblem(@Observes AfterBeanDiscovery event) {
        beanProblems.forEach(event::addDefinitionError);
        definitions.duplicateNames().forEach(event::addDefinitionError);
        List<String> configProblems = new ArrayList<>(definitions.configProblems());
        try {
            TaskqConfig.from(ConfigProvider.getConfig());
        } catch (IllegalArgumentException e) {
            configProblems.add(e.getMessage());
        }
        if (!configProblems.isEmpty()) {
            event.addDefinitionError(new DefinitionException(String.join("\n", configProblems)));
        }
        beanProblems.clear();
    }

    /** Freezes the registry once the deployment is valid. */
    void freezeRegistry(@Observes AfterDeploymentValidation event) {
        registry = definitions.toRegistry();
        definitions.clear();
    }

    /** The deployment's tasks; available once the deployment has been validated. */
    public TaskRegistry registry() {
        if (registry == null) {
            throw new IllegalStateException("taskq's task registry is read before the deployment was validated");
        }
        return registry;
    }
}
