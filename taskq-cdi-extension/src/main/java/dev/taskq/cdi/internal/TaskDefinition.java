package dev.taskq.cdi.internal;

import dev.taskq.Task;
import jakarta.enterprise.inject.spi.Bean;
import java.lang.reflect.Method;
import java.lang.reflect.Type;

/**
 * One @Task method as the deployment declared it: its name, its effective settings and how to
 * call it. {@code parameterTypes} are the generic types JSON-B writes and reads the arguments with.
 */
public record TaskDefinition(String name, String queue, Class<?> beanClass, Bean<?> bean, Method method,
                             Type[] parameterTypes, Task annotation, TaskSettings settings) {

    /** A definition with the annotation's settings and no configuration overrides. */
    public TaskDefinition(String name, String queue, Class<?> beanClass, Bean<?> bean, Method method,
                          Type[] parameterTypes, Task annotation) {
        this(name, queue, beanClass, bean, method, parameterTypes, annotation, TaskSettings.of(annotation));
    }

    /** {@code SimpleClassName.method} of the bean class, or {@code @Task(name)} when given. */
    static String nameOf(Class<?> beanClass, Method method, Task task) {
        return task.name().isBlank() ? beanClass.getSimpleName() + "." + method.getName() : task.name().strip();
    }

    @Override
    public String toString() {
        return name + " (" + TaskqMessages.describe(method) + ")";
    }
}
