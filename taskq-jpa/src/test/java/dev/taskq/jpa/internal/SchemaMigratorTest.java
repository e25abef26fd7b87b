package dev.taskq.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SchemaMigratorTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    private static final String APPLIED = "SELECT version || ' ' || success FROM " + SchemaMigrator.HISTORY_TABLE
            + " ORDER BY installed_rank";

    @Test
    void migratingTwiceChangesNothingTheSecondTime() throws SQLException {
        DataSource dataSource = postgres.createDatabase("twice");
        TaskRows rows = new TaskRows(dataSource);

        SchemaMigrator.migrate(dataSource);
        rows.waiting("Mailer.welcome", "default", java.time.Instant.now());
        SchemaMigrator.migrate(dataSource);

        assertThat(rows.column(APPLIED)).containsExactly("1 true", "2 true");
        assertThat(rows.count()).isEqualTo(1);
    }

    @Test
    void migratingASchemaThatHoldsTheApplicationsTablesAddsTheTaskTable() throws SQLException {
        DataSource dataSource = postgres.createDatabase("populated");
        TaskRows rows = new TaskRows(dataSource);
        rows.execute("CREATE TABLE customer (id bigint PRIMARY KEY, name text)");
        rows.execute("INSERT INTO customer VALUES (1, 'Ada')");

        SchemaMigrator.migrate(dataSource);

        assertThat(rows.column(APPLIED)).containsExactly("0 true", "1 true", "2 true"); // the baseline, then V1, V2
        assertThat(rows.column("SELECT indexname FROM pg_indexes WHERE tablename = 'taskq_task' ORDER BY indexname"))
                .containsExactly("taskq_task_due_idx", "taskq_task_failed_idx", "taskq_task_pkey", "taskq_task_started_idx");
        assertThat(rows.column("SELECT name FROM customer")).containsExactly("Ada");
        assertThat(rows.column("SELECT unnest(reloptions) FROM pg_class WHERE relname = 'taskq_task'"))
                .contains("fillfactor=80", "autovacuum_vacuum_scale_factor=0", "autovacuum_vacuum_threshold=5000",
                        "autovacuum_analyze_threshold=5000");
        assertThat(rows.count()).isZero();
    }
}
