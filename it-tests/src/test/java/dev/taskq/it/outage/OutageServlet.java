package dev.taskq.it.outage;

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
 * Lets the client-side outage test drive the application: POST /outage?count=n enqueues n tasks in one
 * transaction and answers one line "task-id key" per task; GET /outage answers "key starts" for every
 * task that started more than once (nothing when the queue ran each task at most once).
 */
@WebServlet("/outage")
public class OutageServlet extends HttpServlet {

    @Inject
    TaskQueue tasks;

    @Resource
    UserTransaction transaction;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        int count = Integer.parseInt(request.getParameter("count"));
        StringBuilder lines = new StringBuilder();
        try {
            transaction.begin();
            for (int i = 0; i < count; i++) {
                String key = "outage-" + i;
                lines.append(tasks.enqueue(OutageTasks.class, t -> t.work(key)).id()).append(' ').append(key).append('\n');
            }
            transaction.commit();
        } catch (Exception e) {
            throw new ServletException("Could not enqueue " + count + " tasks", e);
        }
        response.setContentType("text/plain");
        response.getWriter().write(lines.toString());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        PrintWriter out = response.getWriter();
        OutageTasks.STARTS.forEach((key, starts) -> {
            if (starts > 1) {
                out.println(key + " " + starts);
            }
        });
    }
}
