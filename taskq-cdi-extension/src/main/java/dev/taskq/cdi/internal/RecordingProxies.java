package dev.taskq.cdi.internal;

import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.not;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FieldAccessor;
import net.bytebuddy.implementation.InvocationHandlerAdapter;
import org.objenesis.Objenesis;
import org.objenesis.ObjenesisStd;

/**
 * Makes recording stand-ins for bean classes: a subclass whose every method only notes that it
 * was called, with which arguments. One subclass per bean class, made on first use and defined
 * in the bean's own package and class loader so that package-private methods are recorded too.
 * Thread-safe.
 */
final class RecordingProxies {

    private static final String RECORDER_FIELD = "taskq$recorder";

    private final ConcurrentMap<Class<?>, Class<?>> proxyClasses = new ConcurrentHashMap<>();
    private final Objenesis objenesis = new ObjenesisStd(true);

    /** Runs {@code call} against a new stand-in for {@code beanClass} and returns what it called. */
    <T> List<Call> record(Class<T> beanClass, ThrowingConsumer<T> call) throws Exception {
        Recorder recorder = new Recorder();
        Object proxy = objenesis.newInstance(proxyClasses.computeIfAbsent(beanClass, RecordingProxies::define));
        ((RecorderHolder) proxy).taskq$setRecorder(recorder);
        call.accept(beanClass.cast(proxy));
        return recorder.calls;
    }

    private static Class<?> define(Class<?> beanClass) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(beanClass, MethodHandles.lookup());
            return new ByteBuddy()
                    .subclass(beanClass)
                    .name(beanClass.getName() + "$TaskqRecorder")
                    .defineField(RECORDER_FIELD, InvocationHandler.class, Visibility.PRIVATE)
                    .method(not(isDeclaredBy(Object.class)))
                    .intercept(InvocationHandlerAdapter.toField(RECORDER_FIELD))
                    // registered last, so it wins over the catch-all above for the setter
                    .implement(RecorderHolder.class)
                    .intercept(FieldAccessor.ofField(RECORDER_FIELD))
                    .make()
                    .load(beanClass.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(lookup))
                    .getLoaded();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("taskq cannot define a recording subclass of " + beanClass.getName() + ": " + e.getMessage(), e);
        }
    }

    /** A method call seen by the stand-in. */
    record Call(Method method, Object[] arguments) {
    }

    @FunctionalInterface
    interface ThrowingConsumer<T> {
        void accept(T value) throws Exception;
    }

    /** Implemented by every stand-in class, so the recorder can be set without reflection. */
    public interface RecorderHolder {
        void taskq$setRecorder(InvocationHandler recorder);
    }

    private static final class Recorder implements InvocationHandler {

        private final List<Call> calls = new ArrayList<>(1);

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) {
            Object[] copy = arguments == null ? new Object[0] : Arrays.copyOf(arguments, arguments.length);
            calls.add(new Call(method, copy));
            return defaultValue(method.getReturnType());
        }

        private static Object defaultValue(Class<?> type) {
            if (!type.isPrimitive() || type == void.class) return null;
            if (type == boolean.class) return false;
            if (type == char.class) return '\0';
            if (type == long.class) return 0L;
            if (type == double.class) return 0d;
            if (type == float.class) return 0f;
            if (type == int.class) return 0;
            if (type == short.class) return (short) 0;
            return (byte) 0;
        }
    }
}
