package dev.taskq.it.shutdown;

import dev.taskq.TaskQueue;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Lets a client-side test enqueue a slow task: POST /enqueue?key=..&millis=.. answers the task id. */
@WebServlet("/enqueue")
public class EnqueueServlet extends HttpServlet {

    @Inject
    TaskQueue tasks;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = request.getParameter("key");
        long millis = Long.parseLong(request.getParameter("millis"));
        response.setContentType("text/plain");
        response.getWriter().write(tasks.enqueue(SlowTasks.class, t -> t.work(key, millis)).id().toString());
    }
}
