package dev.taskq.example.launcher;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs the example until Ctrl-C: starts the database, points the Liberty server at it, starts the
 * server and prints the URL once the page answers. Ctrl-C stops the server, then the database.
 *
 * <p>Started by {@code mvn -Pexample -pl taskq-example -am -DskipTests verify} (exec:java with the test
 * classpath, so that zonky never reaches the WAR); the build passes the paths as system properties.
 */
public final class ExampleLauncher {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final int port;
    private final Path serverDir;
    private final Path workDir;
    private final LibertyServer liberty;
    private ExampleDatabase database;
    private boolean stopping;

    private ExampleLauncher(int port, Path wlpDir, Path serverDir, Path workDir) {
        this.port = port;
        this.serverDir = serverDir;
        this.workDir = workDir;
        this.liberty = new LibertyServer(wlpDir, serverDir.getFileName().toString());
    }

    public static void main(String[] args) throws Exception {
        // zonky logs through SLF4J: only its warnings and errors are worth a newcomer's attention
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        ExampleLauncher launcher = new ExampleLauncher(Integer.parseInt(property("example.port")),
                Path.of(property("example.wlp.dir")), Path.of(property("example.server.dir")), Path.of(property("example.work.dir")));
        launcher.run();
    }

    private void run() throws Exception {
        requireFreePort();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "taskq-example-stop"));
        start();
        URI url = URI.create("http://localhost:" + port + "/");
        if (liberty.awaitUp(url, START_TIMEOUT)) {
            announce(url);
        } else if (!isStopping()) {
            System.out.println("The example does not answer at " + url + "; see " + serverDir.resolve("logs").resolve("messages.log"));
        }
        int exitCode = liberty.waitFor();
        if (!isStopping()) {
            stop();
            throw new IllegalStateException("Liberty stopped by itself (exit code " + exitCode + "); see "
                    + serverDir.resolve("logs").resolve("messages.log"));
        }
    }

    /** Holds the lock while starting, so that a Ctrl-C meanwhile waits and then stops what was started. */
    private synchronized void start() throws IOException {
        if (stopping) {
            return;
        }
        System.out.println("Preparing the database ...");
        database = ExampleDatabase.start(workDir);
        System.out.println("Database: " + database.description());
        database.writeServerVariables(serverDir);
        liberty.start();
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    /** Liberty first, so that no task loses its database while it runs; then the database. Runs once. */
    private synchronized void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        try {
            liberty.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (database != null) {
            try {
                database.close();
            } catch (IOException e) {
                System.err.println("Could not stop the database: " + e.getMessage());
            }
        }
        System.out.println("taskq example stopped.");
    }

    /** Liberty would start anyway and only log that it cannot listen; say it plainly instead. */
    private void requireFreePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("localhost"))) {
            // free; closed again at once
        } catch (BindException e) {
            throw new IllegalStateException("Port " + port + " is in use. Run the example on another port, e.g.\n"
                    + "  mvn -Pexample -pl taskq-example -am -DskipTests verify -Dexample.port=9090", e);
        }
    }

    private void announce(URI url) {
        String line = "=".repeat(72);
        System.out.println();
        System.out.println(line);
        System.out.println("  taskq example running at " + url);
        System.out.println("  admin console at " + url + "taskq/ (user admin, password admin)");
        System.out.println("  database: " + database.description());
        System.out.println("  Press Ctrl-C to stop Liberty" + (database.isEmbedded() ? " and the embedded database." : "."));
        System.out.println(line);
        System.out.println();
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set; start the example with\n"
                    + "  mvn -Pexample -pl taskq-example -am -DskipTests verify");
        }
        return value;
    }
}
