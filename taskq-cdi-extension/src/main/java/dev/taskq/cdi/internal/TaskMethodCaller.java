package dev.taskq.cdi.internal;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Instance;
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
 *
 * <p>Each call gets a {@link RequestContextController} of its own. One controller shared by concurrent calls
 * (Weld's remembers in a plain field whether it activated the context) leaves some threads' request contexts
 * active after their task: the next task on that thread sees the last one's request-scoped beans, and the next
 * HTTP request the server runs on it fails with WELD-001304, two request contexts active.
 */
final class TaskMethodCaller {

    private final BeanManager beanManager;
    private final Instance<RequestContextController> requestContexts;
    private final Map<Bean<?>, Object> clientProxies = new ConcurrentHashMap<>();

    TaskMethodCaller(BeanManager beanManager, Instance<RequestContextController> requestContexts) {
        this.beanManager = beanManager;
        this.requestContexts = requestContexts;
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
        RequestContextController requestContext = requestContexts.get();
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
            try {
                if (activated) {
                    requestContext.deactivate();
                }
            } finally {
                requestContexts.destroy(requestContext);
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
