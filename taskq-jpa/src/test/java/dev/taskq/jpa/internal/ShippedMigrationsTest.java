package dev.taskq.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SchemaMigrator hands Flyway a hand-written list of migrations (Flyway's classpath scan fails on
 * some servers), so a new file in {@code db/taskq/migration/} that is not added to the list would
 * ship in the jar and never run.
 */
class ShippedMigrationsTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    private static final String MIGRATION_DIRECTORY = "db/taskq/migration";

    @Test
    void everyMigrationFileInTheJarIsAppliedToAFreshDatabase() throws SQLException, IOException, URISyntaxException {
        DataSource dataSource = postgres.createDatabase("shipped");

        SchemaMigrator.migrate(dataSource);

        assertThat(new TaskRows(dataSource).column("SELECT script FROM " + SchemaMigrator.HISTORY_TABLE + " WHERE type = 'SQL'"))
                .containsExactlyInAnyOrderElementsOf(migrationFiles());
    }

    /** The files Maven copied from src/main/resources, which is what the jar ships. */
    private static List<String> migrationFiles() throws IOException, URISyntaxException {
        URL directory = SchemaMigrator.class.getClassLoader().getResource(MIGRATION_DIRECTORY);
        assertThat(directory).as("%s on the test class path", MIGRATION_DIRECTORY).isNotNull();
        assertThat(directory.getProtocol()).as("%s should be a directory of the build, not in a jar", directory).isEqualTo("file");
        try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
            List<String> names = files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).toList();
            assertThat(names).as("migration files in %s", directory).isNotEmpty();
            return names;
        }
    }
}
