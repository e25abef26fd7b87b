package dev.taskq.example.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The Liberty server the build created, run in the foreground as a child process. */
final class LibertyServer {

    private final Path wlpDir;
    private final String name;
    private Process process;

    LibertyServer(Path wlpDir, String name) {
        this.wlpDir = wlpDir;
        this.name = name;
    }

    /** Starts {@code server run}; its console output goes to this terminal. */
    void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(wlpDir.resolve("bin").resolve("server").toString(), "run", name).inheritIO();
        // Liberty runs on the JDK that runs Maven, whatever JAVA_HOME says (or if it is unset)
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
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
                // the HTTP port is not open yet
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** @return the server's exit code */
    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /**
     * SIGTERM, which Liberty answers with an orderly stop of the application (taskq lets running
     * tasks finish). {@code server run} execs the JVM, so the signal reaches Liberty itself.
     */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
