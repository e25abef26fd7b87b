package dev.taskq.bench.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** The benchmark's Liberty server, run as a child process with its console written to a file. */
final class LibertyServer {

    private final Path wlpDir;
    private final String name;
    private Process process;

    LibertyServer(Path wlpDir, String name) {
        this.wlpDir = wlpDir;
        this.name = name;
    }

    /** @param jvmArgs extra JVM options of the server (Liberty's JVM_ARGS), e.g. {@code -Dtaskq.completion=batched}; may be empty */
    void start(Path consoleLog, String jvmArgs) throws IOException {
        Files.createDirectories(consoleLog.getParent());
        ProcessBuilder builder = new ProcessBuilder(wlpDir.resolve("bin").resolve("server").toString(), "run", name)
                .redirectErrorStream(true)
                .redirectOutput(consoleLog.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        if (!jvmArgs.isBlank()) {
            builder.environment().put("JVM_ARGS", jvmArgs);
        }
        process = builder.start();
    }

    /** Waits until {@code url} answers 200; false if the server exited or the timeout passed first. */
    boolean awaitUp(URI url, Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // the port is not open yet
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** The Open Liberty version of the runtime in wlpDir. */
    String version() {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(wlpDir.resolve("lib/versions/openliberty.properties"))) {
            properties.load(in);
            return properties.getProperty("com.ibm.websphere.productVersion", "?");
        } catch (IOException e) {
            return "?";
        }
    }

    /** SIGTERM (an orderly stop), then a kill after a minute. */
    synchronized void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
