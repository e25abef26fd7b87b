package dev.taskq.cdi.migration;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;

/**
 * The JNDI of a Weld test: {@code InitialContext.doLookup} finds what the test bound, and nothing
 * else. Enable it with the system property {@link Context#INITIAL_CONTEXT_FACTORY}; JNDI
 * instantiates this class by name.
 */
public final class TestNaming implements InitialContextFactory {

    private static final Map<String, Object> BOUND = new ConcurrentHashMap<>();

    static void bind(String name, Object value) {
        BOUND.put(name, value);
    }

    static void clear() {
        BOUND.clear();
    }

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) {
        // Only lookup(String) and close() are needed; anything else taskq called would show up as a failure.
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "lookup" -> {
                        String name = String.valueOf(args[0]);
                        Object value = BOUND.get(name);
                        if (value == null) {
                            throw new NameNotFoundException(name + " is not bound in this test");
                        }
                        yield value;
                    }
                    case "close" -> null;
                    case "toString" -> "TestNaming" + BOUND.keySet();
                    default -> throw new UnsupportedOperationException("TestNaming does not support Context." + method.getName());
                });
    }
}
