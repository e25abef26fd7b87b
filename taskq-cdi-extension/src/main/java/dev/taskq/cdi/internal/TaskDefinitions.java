package dev.taskq.cdi.internal;

import dev.taskq.Task;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.DefinitionException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/** Collects @Task methods bean by bean during deployment. Thread-safe; cleared after validation. */
public final class TaskDefinitions {

    private final List<TaskDefinition> collected = new CopyOnWriteArrayList<>();
    private final List<String> configProblems = new CopyOnWriteArrayList<>();

    /** Adds the bean's valid @Task methods, with their configuration overrides, and returns the problems of the invalid ones. */
    public List<DefinitionException> collect(Bean<?> bean, Class<?> beanClass, Config config) {
        List<DefinitionException> problems = new ArrayList<>();
        for (Method method : taskMethods(beanClass)) {
            Task task = method.getAnnotation(Task.class);
            List<DefinitionException> methodProblems = TaskChecks.problems(beanClass, method, task);
            problems.addAll(methodProblems);
            if (methodProblems.isEmpty()) {
                method.setAccessible(true); // package-private and protected tasks are called by reflection
                String name = TaskDefinition.nameOf(beanClass, method, task);
                TaskSettings settings = TaskSettings.of(task).withOverrides(name, config, configProblems);
                collected.add(new TaskDefinition(name, settings.queue(), beanClass, bean, method,
                        method.getGenericParameterTypes(), task, settings));
            }
        }
        return problems;
    }

    /**
     * The invalid per-task configuration keys seen so far. Reported with the rest of the
     * configuration after discovery, so that every bad key shows in one deployment attempt.
     */
    public List<String> configProblems() {
        return List.copyOf(configProblems);
    }

    /** One problem per task name that two or more methods share. */
    public List<DefinitionException> duplicateNames() {
        Map<String, List<String>> methodsByName = collected.stream().collect(Collectors.groupingBy(TaskDefinition::name,
                Collectors.mapping(definition -> TaskqMessages.describe(definition.method()) + " in bean " + definition.beanClass().getName(),
                        Collectors.toList())));
        return methodsByName.entrySet().stream()
                .filter(entry -> entry.getValue().size() > 1)
                .map(entry -> TaskqMessages.duplicateTaskName(entry.getKey(), entry.getValue()))
                .toList();
    }

    /** The registry of the collected tasks; with duplicate names the deployment fails anyway, the first wins here. */
    public TaskRegistry toRegistry() {
        Map<String, TaskDefinition> unique = new ConcurrentHashMap<>();
        collected.forEach(definition -> unique.putIfAbsent(definition.name(), definition));
        return new TaskRegistry(List.copyOf(unique.values()));
    }

    public void clear() {
        collected.clear();
        configProblems.clear();
    }

    /** Methods declared with @Task on the class and its superclasses; an override hides what it overrides. */
    private static List<Method> taskMethods(Class<?> beanClass) {
        List<Method> methods = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isBridge() || method.isSynthetic()) {
                    continue;
                }
                String signature = method.getName() + List.of(method.getParameterTypes());
                if (seen.add(signature) && method.isAnnotationPresent(Task.class)) {
                    methods.add(method);
                }
            }
        }
        return methods;
    }
}
