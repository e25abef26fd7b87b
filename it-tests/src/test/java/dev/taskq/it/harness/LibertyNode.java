package dev.taskq.it.harness;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A second Liberty server (created by the build next to the Arquillian-managed one and named by it:
 * {@code taskqNode} in the Hibernate run, {@code taskqNodeEclipseLink} in the EclipseLink run, or what
 * {@code -Dnode.server} and {@code -Dnode.eclipselink.server} say) run by the test as a plain process on the run's database: started with one test WAR, waited for over
 * HTTP, and stopped with SIGKILL, as a crashing machine would stop it. {@code bin/server run} execs
 * the JVM, so the process killed is the server's JVM itself. The server is also killed when the test
 * JVM exits, so a failed or aborted run leaves no server behind. Not thread-safe: one test drives it.
 */
public final class LibertyNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path serverDirectory;
    private final int httpPort;
    private final Thread killOnExit;
    private Process process;
    private boolean killOnExitRegistered;

    private LibertyNode(Path serverDirectory, int httpPort) {
        this.serverDirectory = serverDirectory;
        this.httpPort = httpPort;
        this.killOnExit = new Thread(this::kill, "kill " + name());
    }

    /** The server's name, the last part of its directory. */
    private String name() {
        return serverDirectory.getFileName().toString();
    }

    /** The build's second server, not started. */
    public static LibertyNode secondServer() {
        return new LibertyNode(ServerFiles.nodeServerDirectory(), ServerFiles.nodeHttpPort());
    }

    /**
     * Starts the server with {@code war} as its only application, at context root {@code war}'s
     * name, on the run's database, and waits until that application's readiness check answers.
     */
    public LibertyNode start(WebArchive war) throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name() + " already runs (pid " + process.pid() + ")");
        }
        killLeftOver();
        String contextRoot = war.getName().replaceFirst("\\.war$", "");
        Path overrides = serverDirectory.resolve("configDropins").resolve("overrides");
        TestDatabase.current().writeServerVariables(overrides);
        Path apps = serverDirectory.resolve("apps");
        deleteRecursively(apps); // an earlier start's WAR and its expanded copy
        Files.createDirectories(apps);
        war.as(ZipExporter.class).exportTo(apps.resolve(war.getName()).toFile(), true);
        Files.writeString(overrides.resolve("test-application.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <server>
                  <webApplication id="%1$s" location="%2$s" contextRoot="/%1$s"/>
                </server>
                """.formatted(contextRoot, war.getName()), StandardCharsets.UTF_8);

        Path wlp = serverDirectory.getParent().getParent().getParent();
        deleteLogs(); // what a test reads in them is then this start's
        Path console = Files.createDirectories(serverDirectory.resolve("logs")).resolve("test-console.log");
        ProcessBuilder builder = new ProcessBuilder(wlp.resolve("bin").resolve("server").toString(), "run",
                name())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        process = builder.start();
        if (!killOnExitRegistered) {
            Runtime.getRuntime().addShutdownHook(killOnExit);
            killOnExitRegistered = true;
        }
        System.out.println(name() + " started as pid " + process.pid() + " on port " + httpPort + "; console in " + console);

        Awaitility.await(name() + " serving /" + contextRoot + " (console: " + console + ")")
                .atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name() + " exited with " + process.exitValue() + "; see " + console);
                    }
                    return ready();
                });
        return this;
    }

    /**
     * A run killed before its shutdown hook could act (a CI timeout, kill -9 of Maven) leaves this
     * server running and its port taken: kill it, and only it, found by this build's own install path.
     */
    private void killLeftOver() {
        Path wlp = serverDirectory.getParent().getParent().getParent().toAbsolutePath();
        Pattern server = Pattern.compile("ws-server\\.jar " + Pattern.quote(serverDirectory.getFileName().toString()) + "(\\s|$)");
        ProcessHandle.allProcesses()
                .filter(handle -> handle.info().commandLine()
                        .map(line -> line.contains(wlp.toString()) && server.matcher(line).find()).orElse(false))
                .forEach(handle -> {
                    System.out.println("Killing " + serverDirectory.getFileName() + " left running by an earlier run: pid " + handle.pid());
                    handle.destroyForcibly();
                    handle.onExit().join();
                });
    }

    /** True when the server's readiness endpoint answers and includes taskq's check: the application runs. */
    private boolean ready() {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(url("/health/ready")).openConnection();
            connection.setConnectTimeout(2_000);
            connection.setReadTimeout(10_000);
            try {
                int status = connection.getResponseCode();
                var body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
                String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
                return status == 200 && text.contains("\"taskq\"");
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    /** {@code http://localhost:<port><path>} on this server. */
    public String url(String path) {
        return "http://localhost:" + httpPort + path;
    }

    /** The server's messages.log (its own log, written by Liberty). */
    public Path messagesLog() {
        return serverDirectory.resolve("logs").resolve("messages.log");
    }

    /**
     * SIGKILL to the server's JVM (and anything it started): no shutdown hook, no application stop,
     * no last heartbeat. Returns once the JVM is gone. Harmless when it is not running.
     */
    public void kill() {
        Process running = process;
        if (running == null) {
            return;
        }
        List<ProcessHandle> jvms = new ArrayList<>();
        jvms.add(running.toHandle());
        running.toHandle().descendants().forEach(jvms::add);
        jvms.forEach(ProcessHandle::destroyForcibly);    // SIGKILL on Linux
        for (ProcessHandle handle : jvms) {
            handle.onExit().join();
        }
    }

    /** The command line of the server's process: the JVM itself, since {@code server run} execs it. */
    public Optional<String> command() {
        Process running = process;
        return running == null ? Optional.empty() : running.info().command();
    }

    @Override
    public void close() {
        kill();
        if (killOnExitRegistered) {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
                killOnExitRegistered = false;
            } catch (IllegalStateException e) {
                // the JVM is already exiting: the hook does the same
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private void deleteLogs() throws IOException {
        Path logs = serverDirectory.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return;
        }
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
