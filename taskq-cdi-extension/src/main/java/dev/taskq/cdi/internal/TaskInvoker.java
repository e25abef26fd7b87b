package dev.taskq.cdi.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calls a task method on the real bean, through the container's proxy so its interceptors apply,
 * with a request context active for the duration of the call.
 */
@ApplicationScoped
public class TaskInvoker {

    private static final Logger LOG = Logger.getLogger(TaskInvoker.class.getName());

    @Inject
    BeanManager beanManager;

    @Inject
    RequestContextController requestContext;

    @Inject
    TaskqRuntime runtime;

    private final Map<Bean<?>, Object> clientProxies = new ConcurrentHashMap<>();

    /**
     * Invokes the task with the given arguments.
     *
     * @return the method's return value
     * @throws Exception what the task threw, unwrapped from reflection
     */
    Object invoke(TaskDefinition task, Object[] arguments) throws Exception {
        Bean<?> bean = task.bean();
        boolean dependent = bean.getScope() == Dependent.class;
        CreationalContext<?> creationalContext = dependent ? beanManager.createCreationalContext(bean) : null;
        boolean activated = requestContext.activate();
        try {
            Object instance = dependent ? beanManager.getReference(bean, task.beanClass(), creationalContext) : clientProxy(task);
            return task.method().invoke(instance, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        } finally {
            if (activated) {
                requestContext.deactivate();
            }
            if (dependent) {
                creationalContext.release();
            }
        }
    }

    /** A normal-scoped bean's client proxy finds the right instance on every call, so one per bean serves every task. */
    private Object clientProxy(TaskDefinition task) {
        return clientProxies.computeIfAbsent(task.bean(),
                bean -> beanManager.getReference(bean, task.beanClass(), beanManager.createCreationalContext(bean)));
    }

    /**
     * Eager mode: runs the task now in the caller's thread, with arguments that went through JSON
     * exactly as a queued task's do.
     */
    Optional<Object> runEagerly(TaskDefinition task, String arguments, boolean propagates) {
        try {
            return Optional.ofNullable(invoke(task, runtime.codec().decode(task, arguments)));
        } catch (Exception e) {
            if (propagates) {
                throw Sneaky.<RuntimeException>rethrow(e);
            }
            LOG.log(Level.WARNING, "Eagerly executed task " + task + " failed; the exception is swallowed because "
                    + TaskqConfig.EAGER_PROPAGATES + " is false", e);
            return Optional.empty();
        }
    }

    /** Lets a checked exception reach the caller of enqueue unchanged, as Celery's eager mode does. */
    private static final class Sneaky {
        @SuppressWarnings("unchecked")
        static <E extends Throwable> E rethrow(Throwable throwable) throws E {
            throw (E) throwable;
        }
    }
}
