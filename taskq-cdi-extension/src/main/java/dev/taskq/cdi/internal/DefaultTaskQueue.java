package dev.taskq.cdi.internal;

import dev.taskq.TaskCall;
import dev.taskq.TaskHandle;
import dev.taskq.TaskOptions;
import dev.taskq.TaskQueue;
import dev.taskq.Signature;
import dev.taskq.jpa.internal.NewTask;
import dev.taskq.jpa.internal.TimeOrderedUuid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The {@link TaskQueue}: records the call, checks its arguments, writes one row (through {@link EnqueueBuffer}). */
@ApplicationScoped
public class DefaultTaskQueue implements TaskQueue {

    private final RecordingProxies proxies = new RecordingProxies();

    @Inject
    TaskqRuntime runtime;

    @Inject
    TaskInvoker invoker;

    @Inject
    CommitWakeUp wakeUp;

    @Inject
    EnqueueBuffer rows;

    @Override
    public <T> TaskHandle enqueue(Class<T> bean, TaskCall<T> call) {
        return enqueue(bean, call, TaskOptions.defaults());
    }

    @Override
    public <T> TaskHandle enqueue(Class<T> bean, TaskCall<T> call, TaskOptions options) {
        return store(record(bean, call), options);
    }

    @Override
    public <T> Signature signature(Class<T> bean, TaskCall<T> call) {
        return record(bean, call);
    }

    @Override
    public boolean revoke(UUID taskId) {
        if (taskId == null) {
            return false;
        }
        rows.flush(); // a task enqueued earlier in this transaction can be revoked too
        return runtime.repository().deleteUnstarted(taskId);
    }

    /** Writes the row (or, in eager mode, runs the task now). */
    TaskHandle store(RecordedCall call, TaskOptions options) {
        // the one check for enqueue(..., options) and Signature.applyAsync(options), eager or not
        Objects.requireNonNull(options, "options must not be null; use TaskOptions.defaults()");
        Instant now = runtime.clock().instant();
        UUID id = TimeOrderedUuid.at(now);
        if (runtime.config().eager()) {
            return new StoredTaskHandle(id, this, invoker.runEagerly(call.task(), call.arguments(), runtime.config().eagerPropagates()));
        }
        String queue = options.queueName().orElse(call.task().queue());
        rows.add(new NewTask(id, call.task().name(), queue, call.arguments(), now,
                options.executeAt(now).orElse(now), options.expiresAt(now).orElse(null)));
        wakeUp.enqueued(queue);
        return new StoredTaskHandle(id, this);
    }

    private <T> RecordedCall record(Class<T> beanClass, TaskCall<T> call) {
        if (beanClass == null || call == null) {
            throw new IllegalArgumentException("enqueue needs a bean class and a lambda calling one @Task method, got "
                    + beanClass + " and " + call);
        }
        TaskRegistry registry = runtime.registry();
        if (!registry.hasTasks(beanClass)) {
            throw TaskqMessages.notABean(beanClass);
        }
        List<RecordingProxies.Call> calls;
        try {
            calls = proxies.record(beanClass, call::call);
        } catch (Exception e) {
            throw new IllegalArgumentException("The lambda given to enqueue on " + beanClass.getName()
                    + " threw " + e + " while its call was recorded; compute arguments before calling enqueue.", e);
        }
        if (calls.isEmpty()) {
            throw TaskqMessages.noTaskCalled(beanClass);
        }
        if (calls.size() > 1) {
            throw TaskqMessages.moreThanOneCall(beanClass, calls.stream().map(c -> c.method().getName()).toList());
        }
        RecordingProxies.Call recorded = calls.get(0);
        TaskDefinition task = registry.byMethod(beanClass, recorded.method())
                .orElseThrow(() -> TaskqMessages.notATask(beanClass, recorded.method()));
        return new RecordedCall(task, runtime.codec().encode(task, recorded.arguments()), this);
    }
}
