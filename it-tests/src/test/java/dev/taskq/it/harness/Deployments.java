package dev.taskq.it.harness;

import dev.taskq.it.support.Effect;
import dev.taskq.it.support.TaskTable;
import dev.taskq.it.support.Eventually;
import dev.taskq.it.support.InContainerTest;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds a test WAR the way a user builds theirs: taskq's jars and bundled Hibernate in
 * WEB-INF/lib, the application's persistence unit, and this scenario's taskq configuration.
 */
public final class Deployments {

    private Deployments() {
    }

    /**
     * @param name    the WAR's name (its context root)
     * @param config  MicroProfile Config properties of this deployment
     * @param classes the scenario's test and fixture classes
     */
    public static WebArchive war(String name, Map<String, String> config, Class<?>... classes) {
        String properties = new TreeMap<>(config).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(classes)
                .addClasses(Effect.class, TaskTable.class, Eventually.class, InContainerTest.class)
                .addAsLibraries(libraries(false))
                .addAsResource("it/persistence.xml", "META-INF/persistence.xml")
                .addAsResource("it/create-effects.sql", "META-INF/create-effects.sql")
                .addAsResource(new StringAsset(properties), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    /**
     * {@link #war} plus the admin console as a user adds it: the console jar in WEB-INF/lib, and in
     * web.xml only how users log in (a FORM login page); the console's own constraint and role check
     * come with its web fragment. No role binding: Liberty reads none from inside a WAR, and with
     * none it gives the role to the registry's group of the same name, taskq-admin (server.xml).
     * ConsoleRoleIT deploys an EAR, whose binding maps another role name.
     */
    public static WebArchive consoleWar(String name, Map<String, String> config, Class<?>... classes) {
        return war(name, config, classes)
                .addAsLibraries(consoleLibrary())
                .addAsWebInfResource("it/console/web.xml", "web.xml")
                .addAsWebResource("it/console/login.html", "login.html")
                .addAsWebResource("it/console/login-error.html", "login-error.html");
    }

    /**
     * Hibernate ORM and what only it needs: bundled for the Hibernate server, left out for the
     * server that runs Liberty's own provider (EclipseLink).
     */
    private static final List<String> HIBERNATE_ONLY = List.of("hibernate-", "antlr4-runtime-", "jandex-", "classmate-",
            "jboss-logging-", "jaxb-", "istack-commons-", "txw2-", "angus-activation-", "jakarta.activation-api-",
            "jakarta.xml.bind-api-");

    /** The console's jar: only the console's WAR has it, so the other scenarios run without Faces or its constraint. */
    private static final String CONSOLE = "taskq-jsf-console-";

    private static File[] consoleLibrary() {
        return libraries(true);
    }

    /** The WAR's libraries; with {@code console}, only the console's jar. */
    private static File[] libraries(boolean console) {
        Path directory = ServerFiles.librariesDirectory();
        boolean bundleHibernate = !"eclipselink".equals(System.getProperty("taskq.it.provider"));
        try (Stream<Path> jars = Files.list(directory)) {
            return jars.filter(path -> path.toString().endsWith(".jar"))
                    .filter(path -> path.getFileName().toString().startsWith(CONSOLE) == console)
                    .filter(path -> bundleHibernate || HIBERNATE_ONLY.stream().noneMatch(path.getFileName().toString()::startsWith))
                    .map(Path::toFile).toArray(File[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("No WAR libraries in " + directory + "; run mvn verify so that the build copies them", e);
        }
    }
}
