package dev.taskq.bench;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;

/**
 * Single-threaded measurements of the container services taskq's worker uses for every task, next to
 * what db-scheduler uses instead: a task handed to Liberty's ManagedExecutorService or to a plain
 * ThreadPoolExecutor; a JTA transaction, with an XA or a local (non-XA) connection enlisted; a bean
 * method called the way taskq's TaskInvoker calls it. Evidence for docs/BENCHMARKS.adoc, not a comparison.
 */
@ApplicationScoped
public class Micro {

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService managedExecutor;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource xaDataSource;

    /** The same database through a non-XA data source (server.xml: jdbc/benchLocal). */
    @Resource(lookup = "jdbc/benchLocal")
    DataSource localDataSource;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;

    @Inject
    BeanManager beanManager;

    @Inject
    RequestContextController requestContext;

    private final ExecutorService plainExecutor = Executors.newFixedThreadPool(4);

    interface Op {
        void run() throws Exception;
    }

    public JsonObject run(String kind, int n) throws Exception {
        Op op = switch (kind) {
            case "managed-executor" -> () -> managedExecutor.submit(() -> { }).get();
            case "plain-executor" -> () -> plainExecutor.submit(() -> { }).get();
            case "tx-empty" -> () -> {
                transaction.begin();
                transaction.commit();
            };
            case "autocommit-select" -> () -> select(xaDataSource);
            case "tx-xa-select" -> () -> {
                transaction.begin();
                select(xaDataSource);
                transaction.commit();
            };
            case "tx-local-select" -> () -> {
                transaction.begin();
                select(localDataSource);
                transaction.commit();
            };
            case "cdi-invoke" -> cdiInvoke();
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
        // a servlet request has a request context already; taskq's workers run on executor threads without one
        long elapsed = "cdi-invoke".equals(kind) ? managedExecutor.submit(() -> measure(op, n)).get() : measure(op, n);
        return Measure.rate(n, elapsed).add("kind", kind).build();
    }

    private static long measure(Op op, int n) throws Exception {
        for (int i = 0; i < Math.min(n, 500); i++) {
            op.run(); // warm-up
        }
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            op.run();
        }
        return System.nanoTime() - start;
    }

    private static void select(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT 1");
             ResultSet rows = select.executeQuery()) {
            rows.next();
        }
    }

    /** What taskq's TaskInvoker does per task: creational context, request context, contextual reference, reflective call. */
    private Op cdiInvoke() throws NoSuchMethodException {
        @SuppressWarnings("unchecked")
        Bean<BenchTasks> bean = (Bean<BenchTasks>) beanManager.resolve(beanManager.getBeans(BenchTasks.class));
        Method method = BenchTasks.class.getMethod("noop", long.class);
        Object[] arguments = {42L};
        return () -> {
            CreationalContext<BenchTasks> context = beanManager.createCreationalContext(bean);
            boolean activated = requestContext.activate();
            try {
                Object instance = beanManager.getReference(bean, BenchTasks.class, context);
                method.invoke(instance, arguments);
            } finally {
                if (activated) {
                    requestContext.deactivate();
                }
                if (bean.getScope() == Dependent.class) {
                    context.release();
                }
            }
        };
    }
}
