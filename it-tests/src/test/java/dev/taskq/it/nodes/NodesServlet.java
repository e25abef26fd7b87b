package dev.taskq.it.nodes;

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

/**
 * Lets a client-side test enqueue on a node of its choice:
 * POST /enqueue/records?from=..&amp;count=.. (one transaction, answers the count) and
 * POST /enqueue/block?key=..&amp;millis=.. (answers the task id).
 */
@WebServlet("/enqueue/*")
public class NodesServlet extends HttpServlet {

    @Inject
    TaskQueue tasks;

    @Resource
    UserTransaction transaction;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        response.setContentType("text/plain");
        switch (String.valueOf(request.getPathInfo())) {
            case "/records" -> response.getWriter().print(records(Integer.parseInt(request.getParameter("from")),
                    Integer.parseInt(request.getParameter("count"))));
            case "/block" -> {
                String key = request.getParameter("key");
                long millis = Long.parseLong(request.getParameter("millis"));
                response.getWriter().print(tasks.enqueue(NodeTasks.class, t -> t.block(key, millis)).id());
            }
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND, "POST /enqueue/records or /enqueue/block");
        }
    }

    private int records(int from, int count) throws ServletException {
        try {
            transaction.begin();
            for (int number = from; number < from + count; number++) {
                int n = number;
                tasks.enqueue(NodeTasks.class, t -> t.record(n));
            }
            transaction.commit();
            return count;
        } catch (Exception e) {
            try {
                transaction.rollback();
            } catch (Exception alreadyEnded) {
                e.addSuppressed(alreadyEnded);
            }
            throw new ServletException("Could not enqueue tasks " + from + ".." + (from + count - 1), e);
        }
    }
}
