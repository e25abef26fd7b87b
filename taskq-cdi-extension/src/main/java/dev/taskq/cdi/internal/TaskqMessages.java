package dev.taskq.cdi.internal;

import dev.taskq.Task;
import jakarta.enterprise.inject.spi.DefinitionException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Every message a user of taskq-cdi-extension can see, each with a stable id (ranges in
 * message-ranges.txt): 01xxx deployment, 02xxx enqueue, 03xxx configuration, 04xxx worker.
 * Each names the place, what was found and what is allowed or how to fix it.
 */
public final class TaskqMessages {

    private TaskqMessages() {
    }

    public static String describe(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName();
    }

    // ---- 01xxx: @Task declarations, reported at deployment

    public static DefinitionException staticTask(Method method) {
        return definition(1001, method, "the method is static; a task is called on a bean instance, make it an instance method");
    }

    public static DefinitionException privateTask(Method method) {
        return definition(1002, method, "the method is private; the container and taskq's recording proxy cannot intercept it, make it public");
    }

    public static DefinitionException finalTask(Method method) {
        return definition(1003, method, "the method is final; the container and taskq's recording proxy cannot intercept it, remove 'final'");
    }

    public static DefinitionException finalBeanClass(Method method) {
        return definition(1004, method, "the class " + method.getDeclaringClass().getName()
                + " is final; taskq records calls on a subclass, remove 'final'");
    }

    public static DefinitionException invalidAttribute(Method method, String attribute, String rule, Object value) {
        return definition(1005, method, "@Task." + attribute + " " + rule + ", was " + value);
    }

    public static DefinitionException duplicateTaskName(String name, Collection<String> methods) {
        return new DefinitionException(id(1006) + "Two or more @Task methods are named '" + name + "': " + String.join(", ", methods)
                + ". Task names must be unique because rows find their method by name; set @Task(name = \"...\") on all but one.");
    }

    private static DefinitionException definition(int id, Method method, String problem) {
        return new DefinitionException(id(id) + "Invalid @Task on " + describe(method) + ": " + problem);
    }

    // ---- 02xxx: enqueue, reported to the caller

    public static IllegalArgumentException notABean(Class<?> beanClass) {
        return new IllegalArgumentException(id(2001) + "Cannot enqueue on " + beanClass.getName()
                + ": it is not a CDI bean with @Task methods" + declaredTasks(beanClass) + ". Give it a bean-defining annotation such as @ApplicationScoped"
                + " and annotate the method with @dev.taskq.Task.");
    }

    /** The class's own @Task methods: the check runs before the lambda is recorded, so these name what it may have called. */
    private static String declaredTasks(Class<?> beanClass) {
        String tasks = Arrays.stream(beanClass.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Task.class))
                .map(method -> "@Task " + beanClass.getSimpleName() + "." + method.getName())
                .sorted().collect(Collectors.joining(", "));
        return tasks.isEmpty() ? "" : " (it declares " + tasks + ", but the container made no bean of it)";
    }

    public static IllegalArgumentException noTaskCalled(Class<?> beanClass) {
        return new IllegalArgumentException(id(2002) + "Cannot enqueue on " + beanClass.getName()
                + ": the lambda called no method of the bean it was given. Call exactly one @Task method on the lambda's"
                + " parameter, e.g. tasks.enqueue(" + beanClass.getSimpleName() + ".class, bean -> bean.someTask(argument)).");
    }

    public static IllegalArgumentException moreThanOneCall(Class<?> beanClass, Collection<String> methods) {
        return new IllegalArgumentException(id(2003) + "Cannot enqueue on " + beanClass.getName()
                + ": the lambda called " + methods.size() + " methods (" + String.join(", ", methods)
                + "); one enqueue records exactly one @Task call. Enqueue each task separately.");
    }

    public static IllegalArgumentException notATask(Class<?> beanClass, Method method) {
        return new IllegalArgumentException(id(2004) + "Cannot enqueue " + beanClass.getName() + "." + method.getName()
                + ": the method is not annotated with @dev.taskq.Task. Annotate it, or call a @Task method in the lambda.");
    }

    public static IllegalArgumentException argumentNotWritable(String task, Method method, int position, Type type, Throwable cause) {
        return new IllegalArgumentException(id(2005) + "Cannot enqueue " + task + " (" + describe(method) + "): argument "
                + position + " of type " + type.getTypeName() + " cannot be written as JSON by JSON-B (" + cause.getMessage()
                + "). Use a JSON-friendly type: a record, a class with a public no-arg constructor and getters/setters, a"
                + " String, a number, a java.time type, a List or a Map.", cause);
    }

    public static IllegalArgumentException argumentNotReadable(String task, Method method, int position, Type type, Throwable cause) {
        return new IllegalArgumentException(id(2006) + "Cannot enqueue " + task + " (" + describe(method) + "): argument "
                + position + " of type " + type.getTypeName() + " was written as JSON but JSON-B cannot read it back ("
                + cause.getMessage() + "). Give the type a public no-arg constructor and setters, or make it a record.", cause);
    }

    public static IllegalArgumentException argumentNotEqual(String task, Method method, int position, Type type, Class<?> valueClass) {
        return new IllegalArgumentException(id(2007) + "Cannot enqueue " + task + " (" + describe(method) + "): argument "
                + position + " of type " + type.getTypeName() + " (a " + valueClass.getName()
                + ") does not read back from JSON as an equal value, so the task would run with different data. Declare"
                + " the parameter with the concrete type, and make every field readable and writable by JSON-B.");
    }

    // ---- 03xxx: configuration

    public static String invalidConfig(String key, String value, String rule) {
        return id(3001) + "Invalid configuration " + key + "=" + value + ": " + rule;
    }

    // ---- 04xxx: the worker, written on failed rows and in the log

    public static String unknownTask(String name) {
        return id(4001) + "No @Task named '" + name + "' exists in this deployment: the method was renamed or removed"
                + " after the task was enqueued. Restore the name with @Task(name = \"" + name + "\"), or delete the task.";
    }

    public static String argumentsNotReadable(String name, String detail) {
        return id(4002) + "The stored arguments of task '" + name + "' no longer deserialize to the method's parameter types ("
                + detail + "); the parameters changed after the task was enqueued. Delete the task, or restore the old signature.";
    }

    // ---- 06xxx: operations, in the log

    public static String cannotListen(String why) {
        return id(6001) + "taskq does not listen for wake-ups from other nodes: " + why + ". Tasks enqueued on this node"
                + " still start at once; those enqueued elsewhere wait up to " + TaskqConfig.POLL_INTERVAL + ". To fix it,"
                + " let the application load the PostgreSQL driver's classes from the same library as the datasource"
                + " (Open Liberty: give the JDBC library the id 'global', or reference it with the application's"
                + " classloader commonLibraryRef), or set " + TaskqConfig.NOTIFY + "=false to silence this message.";
    }

    public static String listeningLost(String why) {
        return id(6002) + "taskq lost its connection listening for wake-ups (" + why + "); it reconnects with a growing"
                + " pause, and meanwhile workers poll every " + TaskqConfig.POLL_INTERVAL + ".";
    }

    public static String listeningAgain() {
        return id(6003) + "taskq listens for wake-ups again.";
    }

    private static String id(int number) {
        return String.format("TASKQ%05d: ", number);
    }
}
