package dev.taskq.cdi.internal;

import dev.taskq.cdi.TaskqExtension;
import dev.taskq.jpa.internal.JdbcTaskRepository;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import dev.taskq.spi.TaskqClock;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What every part of taskq shares at run time: the configuration, the task registry, the
 * repository on the configured datasource, the clock and the argument codec.
 */
@ApplicationScoped
public class TaskqRuntime {

    private static final Logger LOG = Logger.getLogger(TaskqRuntime.class.getName());

    @Inject
    TaskqExtension extension;

    @Inject
    @TaskqClock
    Instance<Clock> clocks;

    private TaskqConfig config;
    private volatile JdbcTaskRepository repository;
    private ArgumentCodec codec;
    private Clock clock;

    @PostConstruct
    void init() {
        config = TaskqConfig.from(ConfigProvider.getConfig());
        codec = new ArgumentCodec();
        clock = clocks.isResolvable() ? clocks.get() : Clock.systemUTC();
    }

    @PreDestroy
    void close() {
        try {
            codec.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "Closing JSON-B failed; nothing else to do", e);
        }
    }

    public TaskqConfig config() { return config; }
    public TaskRegistry registry() { return extension.registry(); }

    /** The datasource of the task table, looked up on first use so that a node without a database can still deploy. */
    public DataSource dataSource() {
        return repository().dataSource();
    }

    public JdbcTaskRepository repository() {
        JdbcTaskRepository current = repository;
        if (current == null) {
            synchronized (this) {
                current = repository;
                if (current == null) {
                    current = new JdbcTaskRepository(lookup(config.dataSource(), TaskqConfig.DATASOURCE));
                    repository = current;
                }
            }
        }
        return current;
    }
    public ArgumentCodec codec() { return codec; }
    public Clock clock() { return clock; }

    /** Looks a resource up by the JNDI name configured under {@code key}, saying which key to fix when it is missing. */
    @SuppressWarnings("unchecked")
    static <T> T lookup(String jndiName, String key) {
        try {
            return (T) InitialContext.doLookup(jndiName);
        } catch (NamingException e) {
            throw new IllegalStateException("taskq cannot find " + jndiName + " (" + key + "): " + e.getMessage()
                    + ". Define it in the server configuration, or point " + key + " at an existing JNDI name.", e);
        }
    }
}
