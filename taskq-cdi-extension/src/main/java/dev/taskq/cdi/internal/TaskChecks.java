package dev.taskq.cdi.internal;

import dev.taskq.Task;
import jakarta.enterprise.inject.spi.DefinitionException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/** The rules for a single @Task method; every broken rule is reported, not only the first. */
final class TaskChecks {

    private TaskChecks() {
    }

    static List<DefinitionException> problems(Class<?> beanClass, Method method, Task task) {
        List<DefinitionException> problems = new ArrayList<>();
        int modifiers = method.getModifiers();
        if (Modifier.isStatic(modifiers)) {
            problems.add(TaskqMessages.staticTask(method));
        }
        if (Modifier.isPrivate(modifiers)) {
            problems.add(TaskqMessages.privateTask(method));
        }
        if (Modifier.isFinal(modifiers)) {
            problems.add(TaskqMessages.finalTask(method));
        }
        if (Modifier.isFinal(beanClass.getModifiers())) {
            problems.add(TaskqMessages.finalBeanClass(method));
        }
        if (task.maxRetries() < -1) {
            problems.add(TaskqMessages.invalidAttribute(method, "maxRetries", "must be >= 0, or -1 to retry forever", task.maxRetries()));
        }
        if (task.countdown() < 0) {
            problems.add(TaskqMessages.invalidAttribute(method, "countdown", "must be >= 0 seconds", task.countdown()));
        }
        if (task.retryBackoff() < 0) {
            problems.add(TaskqMessages.invalidAttribute(method, "retryBackoff", "must be >= 0 seconds (0: no backoff)", task.retryBackoff()));
        }
        if (task.retryBackoffMax() < 0) {
            problems.add(TaskqMessages.invalidAttribute(method, "retryBackoffMax", "must be >= 0 seconds", task.retryBackoffMax()));
        }
        if (task.queue().isBlank()) {
            problems.add(TaskqMessages.invalidAttribute(method, "queue", "must not be empty", "'" + task.queue() + "'"));
        }
        return problems;
    }
}
