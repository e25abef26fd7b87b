package dev.taskq.it.outage;

import dev.taskq.TaskCall;
import dev.taskq.TaskQueue;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Lets the client-side outage test drive the application. POST /outage?count=n enqueues n tasks
 * {@link OutageTasks#work} (or, with {@code &task=hold}, {@link OutageTasks#hold}) in one transaction and
 * answers one line "task-id key" per task; POST /outage?release lets the held tasks go on. GET /outage
 * answers "key starts" for every task that started more than once (nothing when the queue ran each task at
 * most once); GET /outage?holding answers how many held tasks wait for the release.
 */
@WebServlet("/outage")
public class OutageServlet extends HttpServlet {

    @Inject
    TaskQueue tasks;

    @Resource
    UserTransaction transaction;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        response.setContentType("text/plain");
        if (request.getParameter("release") != null) {
            OutageTasks.RELEASE.countDown();
            return;
        }
        int count = Integer.parseInt(request.getParameter("count"));
        boolean hold = "hold".equals(request.getParameter("task"));
        StringBuilder lines = new StringBuilder();
        try {
            transaction.begin();
            for (int i = 0; i < count; i++) {
                String key = (hold ? "held-" : "outage-") + i;
                TaskCall<OutageTasks> call = hold ? t -> t.hold(key) : t -> t.work(key);
                lines.append(tasks.enqueue(OutageTasks.class, call).id()).append(' ').append(key).append('\n');
            }
            transaction.commit();
        } catch (Exception e) {
            throw new ServletException("Could not enqueue " + count + " tasks", e);
        }
        response.getWriter().write(lines.toString());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        PrintWriter out = response.getWriter();
        if (request.getParameter("holding") != null) {
            out.print(OutageTasks.HOLDING.size());
            return;
        }
        OutageTasks.STARTS.forEach((key, starts) -> {
            if (starts > 1) {
                out.println(key + " " + starts);
            }
        });
    }
}
