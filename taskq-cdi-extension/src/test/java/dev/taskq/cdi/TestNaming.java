package dev.taskq.cdi;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;

/**
 * A JNDI of a few bound objects, for tests that start the workers without an application server:
 * name this class in {@link Context#INITIAL_CONTEXT_FACTORY} and {@link #bind} what taskq looks up.
 * Its contexts answer {@code lookup(String)} and {@code close()}, nothing else.
 */
public final class TestNaming implements InitialContextFactory {

    private static final Map<String, Object> BOUND = new ConcurrentHashMap<>();

    public static void bind(String name, Object value) {
        BOUND.put(name, value);
    }

    public static void clear() {
        BOUND.clear();
    }

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "lookup" -> {
                        String name = String.valueOf(arguments[0]);
                        Object value = BOUND.get(name);
                        if (value == null) {
                            throw new NameNotFoundException(name + " is not bound in TestNaming");
                        }
                        yield value;
                    }
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException("TestNaming has no " + method.getName());
                });
    }
}
