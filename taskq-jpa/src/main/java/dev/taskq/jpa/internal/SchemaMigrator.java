package dev.taskq.jpa.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Creates and upgrades the task table with Flyway, in its own history table
 * {@code taskq_schema_history} so it never mixes with the application's migrations.
 *
 * <p>The migrations are listed here instead of found by classpath scanning: Flyway's scanner does
 * not understand every application server's jar URLs (Liberty's {@code wsjar:}, JBoss VFS), and a
 * scan that finds nothing would silently leave the table missing.
 */
public final class SchemaMigrator {

    /** The history table of taskq's own migrations. */
    public static final String HISTORY_TABLE = "taskq_schema_history";

    private static final String LOCATION = "db/taskq/migration/";
    private static final List<String> MIGRATIONS = List.of("V1__create_task_table.sql", "V2__task_table_autovacuum.sql");

    private SchemaMigrator() {
    }

    /** Applies the migrations that are missing; safe to run from several nodes at once (Flyway locks). */
    public static void migrate(DataSource dataSource) {
        ClassLoader loader = SchemaMigrator.class.getClassLoader();
        Flyway.configure(loader)
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                // The application's tables may already be in the schema: start our history at 0 so V1 still runs.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .resourceProvider(new ListedMigrations(loader))
                .javaMigrationClassProvider(List::of)
                .skipDefaultCallbacks(true) // no SQL callbacks to find: avoids a classpath scan that fails on Liberty
                .load()
                .migrate();
    }

    /** Hands Flyway exactly the migrations listed in {@link #MIGRATIONS}. */
    private static final class ListedMigrations implements ResourceProvider {

        private final ClassLoader loader;

        ListedMigrations(ClassLoader loader) {
            this.loader = loader;
        }

        @Override
        public LoadableResource getResource(String name) {
            return MIGRATIONS.contains(name) ? new Migration(loader, name) : null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            return MIGRATIONS.stream()
                    .filter(name -> name.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(name::endsWith))
                    .<LoadableResource>map(name -> new Migration(loader, name))
                    .toList();
        }
    }

    private static final class Migration extends LoadableResource {

        private final ClassLoader loader;
        private final String name;

        Migration(ClassLoader loader, String name) {
            this.loader = loader;
            this.name = name;
        }

        @Override
        public Reader read() {
            InputStream in = loader.getResourceAsStream(LOCATION + name);
            if (in == null) {
                throw new UncheckedIOException(new IOException("taskq migration " + LOCATION + name + " is missing from the taskq-jpa jar"));
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return LOCATION + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return LOCATION + name;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
