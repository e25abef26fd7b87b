package dev.taskq.cdi.internal;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Calls a task method on the real bean, through the container's proxy so its interceptors apply,
 * with a request context active for the duration of the call. A plain object, not a bean: the
 * worker calls it for every task, and a call through a CDI client proxy costs a reflective call of
 * its own. Thread-safe.
 *
 * <p>Each call has a {@link RequestContextController} to itself. One controller shared by concurrent calls
 * (Weld's remembers in a plain field whether it activated the context) leaves some threads' request contexts
 * active after their task: the next task on that thread sees the last one's request-scoped beans, and the next
 * HTTP request the server runs on it fails with WELD-001304, two request contexts active. A call takes an idle
 * controller and gives it back when it ends, so controllers are made once, not per task: making one costs Weld an
 * observer resolution for each of the context's lifecycle events, as much as a short task's whole call.
 */
final class TaskMethodCaller {

    private final BeanManager beanManager;
    private final Instance<RequestContextController> requestContexts;
    private final Map<Bean<?>, Object> clientProxies = new ConcurrentHashMap<>();
    /** Controllers no call is using; never more than the calls that ran at once. */
    private final Queue<RequestContextController> idleRequestContexts = new ConcurrentLinkedQueue<>();

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
        RequestContextController requestContext = idleRequestContexts.poll();
        if (requestContext == null) {
            requestContext = requestContexts.get();
        }
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
                end(requestContext, activated);
            } finally {
                if (dependent) {
                    creationalContext.release();
                }
            }
        }
    }

    /** Ends the call's request context and makes its controller idle; one that failed to end it is destroyed, not reused. */
    private void end(RequestContextController requestContext, boolean activated) {
        if (activated) {
            try {
                requestContext.deactivate();
            } catch (RuntimeException e) {
                requestContexts.destroy(requestContext);
                throw e;
            }
        }
        idleRequestContexts.offer(requestContext);
    }

    /** A normal-scoped bean's client proxy finds the right instance on every call, so one per bean serves every task. */
    private Object clientProxy(TaskDefinition task) {
        return clientProxies.computeIfAbsent(task.bean(),
                bean -> beanManager.getReference(bean, task.beanClass(), beanManager.createCreationalContext(bean)));
    }
}
