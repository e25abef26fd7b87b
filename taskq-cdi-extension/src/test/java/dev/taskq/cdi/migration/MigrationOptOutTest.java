package dev.taskq.cdi.migration;

import static dev.taskq.cdi.Deployments.deploy;
import static dev.taskq.cdi.Deployments.deploymentFailure;
import static dev.taskq.cdi.Deployments.fullText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.cdi.FailingDataSource;
import dev.taskq.cdi.TestNaming;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.naming.Context;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code taskq.migrate=false} is for teams that apply taskq's SQL themselves: taskq must then not
 * touch the schema at startup. The datasource behind the default JNDI name has no database and
 * counts connection requests, so "no table created" shows as "never connected".
 */
class MigrationOptOutTest {

    private static final String DEFAULT_DATASOURCE = "java:comp/DefaultDataSource";

    private static final String REFUSAL = "this test has no database";

    /** No database behind it: it counts how often it is asked for a connection, and refuses. */
    private final FailingDataSource dataSource = new FailingDataSource(() -> new SQLException(REFUSAL));
    private final List<String> startupLog = new CopyOnWriteArrayList<>();
    private final Logger startupLogger = Logger.getLogger("dev.taskq.cdi.internal.TaskqStartup");
    private final Handler startupLogHandler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            startupLog.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void bindTheDatasource() {
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, TestNaming.class.getName());
        TestNaming.bind(DEFAULT_DATASOURCE, dataSource);
        startupLogger.addHandler(startupLogHandler);
    }

    @AfterEach
    void unbindTheDatasource() {
        startupLogger.removeHandler(startupLogHandler);
        TestNaming.clear();
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
    }

    @Test
    void withMigrateFalseStartupCompletesWithoutConnectingToTheDatabase() {
        try (WeldContainer container = deploy(Map.of("taskq.migrate", "false", "taskq.worker.enabled", "false"), Ledger.class)) {
            assertThat(startupLog).as("TaskqStartup ran").anyMatch(message -> message.startsWith("taskq started"));
            assertThat(dataSource.attempts()).isZero();
        }
    }

    /** The control: without the opt-out the same deployment does go to the database, so the test above can fail. */
    @Test
    void byDefaultStartupMigratesThroughTheConfiguredDatasource() {
        Throwable failure = deploymentFailure(Map.of("taskq.worker.enabled", "false"), Ledger.class);

        assertThat(dataSource.attempts()).isPositive();
        assertThat(fullText(failure)).contains(REFUSAL);
        assertThat(startupLog).noneMatch(message -> message.startsWith("taskq started"));
    }
}
