package dev.taskq.jpa.internal;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real PostgreSQL with taskq's real migration applied, an empty task table before each test,
 * and one fixed moment to count from.
 */
abstract class RepositoryTestSupport {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    /** 03:30 in New York, half an hour after the clocks jumped from 02:00 EST to 03:00 EDT. */
    static final Instant NOW = Instant.parse("2025-03-09T07:30:00.123456Z");
    static final Duration DIRTY_AFTER = Duration.ofSeconds(5);
    static final Instant CUTOFF = NOW.minus(DIRTY_AFTER);

    static JdbcTaskRepository repository;
    static TaskRows rows;

    @BeforeAll
    static void createSchema() {
        SchemaMigrator.migrate(postgres.dataSource());
        repository = new JdbcTaskRepository(postgres.dataSource());
        rows = new TaskRows(postgres.dataSource());
    }

    @BeforeEach
    void emptyTable() {
        rows.deleteAll();
    }
}
