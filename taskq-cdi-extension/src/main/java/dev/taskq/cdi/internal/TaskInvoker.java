package dev.taskq.cdi.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bean side of {@link TaskMethodCaller}: eager mode calls tasks through it, and the worker takes
 * its caller once (see {@link #caller()}).
 */
@ApplicationScoped
public class TaskInvoker {

    private static final Logger LOG = Logger.getLogger(TaskInvoker.class.getName());

    @Inject
    BeanManager beanManager;

    @Inject
    Instance<RequestContextController> requestContexts;

    @Inject
    TaskqRuntime runtime;

    private TaskMethodCaller caller;

    @PostConstruct
    void createCaller() {
        caller = new TaskMethodCaller(beanManager, requestContexts);
    }

    /** The plain object that calls task methods, for the worker to hold on to. */
    TaskMethodCaller caller() {
        return caller;
    }

    /**
     * Eager mode: runs the task now in the caller's thread, with arguments that went through JSON
     * exactly as a queued task's do.
     */
    Optional<Object> runEagerly(TaskDefinition task, String arguments, boolean propagates) {
        try {
            return Optional.ofNullable(caller.call(task, runtime.codec().decode(task, arguments)));
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
