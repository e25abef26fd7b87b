package dev.taskq.it.eager;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Notes every intercepted call by method name. */
@Audited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditInterceptor {

    static final List<String> CALLS = new CopyOnWriteArrayList<>();

    @AroundInvoke
    Object audit(InvocationContext context) throws Exception {
        CALLS.add(context.getMethod().getName());
        return context.proceed();
    }
}
