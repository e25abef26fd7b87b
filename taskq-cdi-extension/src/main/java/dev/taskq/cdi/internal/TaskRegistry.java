package dev.taskq.cdi.internal;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The deployment's tasks, by name (for the worker) and by bean class and method (for enqueue). Immutable. */
public final class TaskRegistry {

    private final Map<String, TaskDefinition> byName;
    private final Map<Class<?>, Map<Method, TaskDefinition>> byBeanClass;

    TaskRegistry(List<TaskDefinition> definitions) {
        this.byName = definitions.stream().collect(Collectors.toUnmodifiableMap(TaskDefinition::name, Function.identity()));
        this.byBeanClass = definitions.stream().collect(Collectors.groupingBy(TaskDefinition::beanClass,
                Collectors.toUnmodifiableMap(TaskDefinition::method, Function.identity())));
    }

    public Optional<TaskDefinition> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** True if the class is a bean with at least one @Task method. */
    public boolean hasTasks(Class<?> beanClass) {
        return byBeanClass.containsKey(beanClass);
    }

    public Optional<TaskDefinition> byMethod(Class<?> beanClass, Method method) {
        return Optional.ofNullable(byBeanClass.getOrDefault(beanClass, Map.of()).get(method));
    }

    public int size() {
        return byName.size();
    }
}
