package dev.taskq.it.nodes;

import dev.taskq.it.harness.Deployments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR every node of these tests runs, and where the Arquillian-managed node is. */
final class Nodes {

    static final String CONTEXT = "nodes";

    private Nodes() {
    }

    /** The application of node {@code node}: it works only queue {@value NodeTasks#QUEUE}, so rows other tests left are not touched. */
    static WebArchive war(String node, Map<String, String> config) {
        Map<String, String> all = new HashMap<>(config);
        all.put("taskq.node", node);
        all.put("taskq.queues", NodeTasks.QUEUE);
        return Deployments.war(CONTEXT, all, NodeTasks.class, StartLog.class, NodesServlet.class);
    }

    /** The Arquillian-managed server's base URL. */
    static String managedServer() {
        return "http://localhost:" + System.getProperty("taskq.it.http.port", "9580");
    }

    /** The Arquillian-managed server's messages.log. */
    static Path managedServerLog() {
        return Path.of(System.getProperty("taskq.it.server.dir")).resolve("logs").resolve("messages.log");
    }

    /** What {@code log} holds after its first {@code offset} bytes (all of it if it was rolled over meanwhile). */
    static String logSince(Path log, long offset) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        byte[] bytes = Files.readAllBytes(log);
        int from = offset <= bytes.length ? (int) offset : 0;
        return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    }

    static long size(Path log) throws IOException {
        return Files.exists(log) ? Files.size(log) : 0;
    }
}
