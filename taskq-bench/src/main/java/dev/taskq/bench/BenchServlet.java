package dev.taskq.bench;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one measurement per POST and answers its result as JSON; the launcher (src/test/java) decides
 * what to run, in which order, and prepares the database between runs. {@code GET /bench/run?op=ping}
 * answers once taskq has started.
 *
 * <pre>
 * op=enqueue-bulk     system=taskq|db-scheduler   n
 * op=enqueue-single   system=taskq-jta|taskq-autocommit|db-scheduler   n threads
 * op=drain            system=taskq|taskq-batched|db-scheduler   n concurrency
 * op=drain-write      the same, with tasks that each insert one row (bench_effect)
 * op=latency          system=taskq|db-scheduler   rate seconds
 * op=memory           n   (taskq only: seeds n rows by SQL, drains them, samples the heap)
 * </pre>
 */
@WebServlet("/run")
public class BenchServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(BenchServlet.class.getName());

    @Inject
    TaskqWorkloads taskq;

    @Inject
    DbSchedulerWorkloads dbScheduler;

    @Inject
    HeapWatch heap;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("ping".equals(request.getParameter("op"))) {
            write(response, 200, Json.createObjectBuilder()
                    .add("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"))
                    .add("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024))
                    .add("processors", Runtime.getRuntime().availableProcessors())
                    .build());
        } else {
            response.sendError(405, "POST to run a measurement; GET only with op=ping");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String op = request.getParameter("op");
        String system = request.getParameter("system");
        try {
            JsonObject result = switch (op == null ? "" : op) {
                case "enqueue-bulk" -> switch (system) {
                    case "taskq" -> taskq.enqueueInOneTransaction(integer(request, "n"));
                    case "db-scheduler" -> dbScheduler.scheduleBatchInOneTransaction(integer(request, "n"));
                    default -> throw new IllegalArgumentException("unknown system " + system);
                };
                case "enqueue-single" -> switch (system) {
                    case "taskq-jta" -> taskq.singleEnqueues(integer(request, "n"), integer(request, "threads"), true);
                    case "taskq-autocommit" -> taskq.singleEnqueues(integer(request, "n"), integer(request, "threads"), false);
                    case "db-scheduler" -> dbScheduler.singleSchedules(integer(request, "n"), integer(request, "threads"));
                    default -> throw new IllegalArgumentException("unknown system " + system);
                };
                case "drain", "drain-write" -> {
                    boolean writing = op.equals("drain-write");
                    yield switch (system) {
                        case "taskq" -> taskq.drain(integer(request, "n"), integer(request, "concurrency"), false, writing);
                        case "taskq-batched" -> taskq.drain(integer(request, "n"), integer(request, "concurrency"), true, writing);
                        case "db-scheduler" -> dbScheduler.drain(integer(request, "n"), integer(request, "concurrency"), writing);
                        default -> throw new IllegalArgumentException("unknown system " + system);
                    };
                }
                case "latency" -> switch (system) {
                    case "taskq" -> taskq.latency(integer(request, "rate"), integer(request, "seconds"));
                    case "db-scheduler" -> dbScheduler.latency(integer(request, "rate"), integer(request, "seconds"));
                    default -> throw new IllegalArgumentException("unknown system " + system);
                };
                case "memory" -> heap.drainSeeded(integer(request, "n"));
                default -> throw new IllegalArgumentException("unknown op " + op);
            };
            write(response, 200, result);
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "benchmark op " + op + " " + system + " failed", e);
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            write(response, 500, Json.createObjectBuilder().add("error", String.valueOf(e)).add("trace", trace.toString()).build());
        }
    }

    private static int integer(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null) {
            throw new IllegalArgumentException("missing parameter " + name);
        }
        return Integer.parseInt(value);
    }

    private static void write(HttpServletResponse response, int status, JsonObject json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.toString());
    }
}
