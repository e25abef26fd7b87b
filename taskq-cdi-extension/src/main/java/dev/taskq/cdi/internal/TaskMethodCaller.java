package dev.taskq.cdi.internal;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls a task method on the real bean, through the container's proxy so its interceptors apply,
 * with a request context active for the duration of the call. A plain object, not a bean: the
 * worker calls it for every task, and a call through a CDI client proxy costs a reflective call of
 * its own. Thread-safe.
 */
final class TaskMethodCaller {

    private final BeanManager beanManager;
    private final RequestContextController requestContext;
    private final Map<Bean<?>, Object> clientProxies = new ConcurrentHashMap<>();

    TaskMethodCaller(BeanManager beanManager, RequestContextController requestContext) {
        this.beanManager = beanManager;
        this.requestContext = requestContext;
    }

    /**
     * Invokes the task with the given arguments.
     *
     * @return the method's return value
     * @throws Exception what the task threw, unwrapped from reflection
     */
    Object call(TaskDefinition task, Object[] arguments) throws Exception {
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
}
