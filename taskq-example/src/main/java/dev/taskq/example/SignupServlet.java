package dev.taskq.example;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The example's only page: GET shows the form and the tables, POST signs up and redirects back (POST/redirect/GET). */
@WebServlet("")
public class SignupServlet extends HttpServlet {

    @Inject
    SignupService signups;

    @Inject
    Dashboard dashboard;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> notice = savedId(request).map(id -> "Sign-up #" + id + " saved; its two tasks were enqueued in the same transaction.");
        write(response, HttpServletResponse.SC_OK, SignupForm.empty(), Optional.empty(), notice);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        SignupForm form = SignupForm.of(request.getParameter("name"), request.getParameter("email"));
        Optional<String> problem = form.problem();
        if (problem.isPresent()) {
            // nothing was saved, so the form is shown again with what was typed, without a redirect
            write(response, HttpServletResponse.SC_BAD_REQUEST, form, problem, Optional.empty());
            return;
        }
        long id = signups.signUp(form.name(), form.email());
        // 303: the browser GETs the page, so reloading it never signs up twice
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/?saved=" + id);
    }

    private void write(HttpServletResponse response, int status, SignupForm form, Optional<String> problem,
                       Optional<String> notice) throws IOException {
        String html = SignupPage.render(dashboard.read(), form, problem, notice);
        response.setStatus(status);
        response.setContentType("text/html; charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(html);
    }

    private static Optional<Long> savedId(HttpServletRequest request) {
        try {
            return Optional.ofNullable(request.getParameter("saved")).map(Long::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
