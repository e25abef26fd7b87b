package dev.taskq.example;

import static dev.taskq.example.Html.escape;

import dev.taskq.jpa.TaskEntity;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Renders the page: the sign-up form, then the state of the example's tables and taskq's. */
final class SignupPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    // The state section reloads itself every second so that tasks can be watched as they run,
    // without reloading the form (which would lose what the visitor is typing).
    private static final String HEAD = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>taskq example</title>
            <style>
              body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 64em; padding: 0 1em; color: #222; }
              table { border-collapse: collapse; width: 100%; margin-bottom: 1.5em; }
              th, td { text-align: left; padding: .25em .6em; border-bottom: 1px solid #ddd; vertical-align: top; }
              input { padding: .3em; margin-right: .5em; }
              .notice { background: #e8f5e9; padding: .5em 1em; }
              .problem { background: #ffebee; padding: .5em 1em; }
              .failed { color: #b71c1c; } .future { color: #e65100; } .muted { color: #777; }
              code { font-size: 90%; }
            </style>
            <script>
              setInterval(async () => {
                const response = await fetch(location.pathname, { cache: "no-store" });
                if (!response.ok) return;
                const page = new DOMParser().parseFromString(await response.text(), "text/html");
                document.getElementById("state").replaceWith(page.getElementById("state"));
              }, 1000);
            </script>
            </head>
            <body>
            <h1>taskq example</h1>
            <p>Signing up saves a <code>Signup</code> and, in the same JTA transaction, enqueues two tasks:
            <code>WelcomeMailer.welcome</code> stores a welcome mail (nothing is really sent), and
            <code>CrmSync.push</code> marks the sign-up as pushed to a pretend CRM. The CRM rejects names
            containing <q>fail</q>: that task is retried twice, 2 seconds apart, then kept as failed.
            This page refreshes its tables every second. The <a href="taskq/">admin console</a>
            (user <code>admin</code>, password <code>admin</code>) shows every task and lets you retry or delete failed ones.</p>
            """;

    private SignupPage() {
    }

    /**
     * @param form    the values to show in the form: empty, or what the visitor typed if it had a problem
     * @param problem why the form was not saved
     * @param notice  a message about the sign-up just saved
     */
    static String render(Dashboard.Snapshot state, SignupForm form, Optional<String> problem, Optional<String> notice) {
        StringBuilder html = new StringBuilder(HEAD);
        notice.ifPresent(text -> html.append("<p class=\"notice\">").append(escape(text)).append("</p>\n"));
        problem.ifPresent(text -> html.append("<p class=\"problem\">").append(escape(text)).append("</p>\n"));
        html.append("""
                <form method="post">
                  <label>Name <input name="name" required maxlength="%d" value="%s"></label>
                  <label>Email <input name="email" type="email" required maxlength="%d" value="%s"></label>
                  <button type="submit">Sign up</button>
                </form>
                <div id="state">
                """.formatted(SignupForm.MAX_NAME, escape(form.name()), SignupForm.MAX_EMAIL, escape(form.email())));
        appendTasks(html, state);
        appendMails(html, state.mails());
        appendSignups(html, state.signups());
        return html.append("</div>\n</body>\n</html>\n").toString();
    }

    private static void appendTasks(StringBuilder html, Dashboard.Snapshot state) {
        html.append("<h2>Task table <code>taskq_task</code></h2>\n<p>");
        state.taskCounts().forEach((group, count) -> html.append("<span title=\"").append(escape(group.meaning())).append("\">")
                .append(escape(group.label())).append(": <strong>").append(count).append("</strong></span> &nbsp; "));
        html.append("</p>\n");
        if (state.tasks().isEmpty()) {
            html.append("<p class=\"muted\">Empty: every task ran. taskq deletes a task once it succeeded.</p>\n");
            return;
        }
        html.append("<table>\n<tr><th>task</th><th>arguments</th><th>state</th><th>retries</th><th>last error</th></tr>\n");
        for (TaskEntity task : state.tasks()) {
            TaskGroup group = TaskGroup.of(task, state.now());
            String when = group == TaskGroup.FUTURE ? " in " + seconds(Duration.between(state.now(), task.getExecuteAt())) : "";
            html.append("<tr><td>").append(escape(task.getName()))
                    .append("</td><td><code>").append(escape(task.getArgs()))
                    .append("</code></td><td class=\"").append(group.name().toLowerCase(Locale.ROOT)).append("\">")
                    .append(escape(group.label() + when))
                    .append("</td><td>").append(task.getRetries())
                    .append("</td><td>").append(escape(task.getError()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void appendMails(StringBuilder html, List<SentMail> mails) {
        html.append("<h2>Sent mails</h2>\n");
        if (mails.isEmpty()) {
            html.append("<p class=\"muted\">None yet.</p>\n");
            return;
        }
        html.append("<table>\n<tr><th>to</th><th>subject</th><th>sent at</th><th>after sign-up</th></tr>\n");
        for (SentMail mail : mails) {
            html.append("<tr><td>").append(escape(mail.getRecipient()))
                    .append("</td><td>").append(escape(mail.getSubject()))
                    .append("</td><td>").append(escape(time(mail.getSentAt())))
                    .append("</td><td>").append(escape(mail.delayAfterSignup().toMillis() + " ms"))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void appendSignups(StringBuilder html, List<Signup> signups) {
        html.append("<h2>Recent sign-ups</h2>\n");
        if (signups.isEmpty()) {
            html.append("<p class=\"muted\">None yet: use the form above.</p>\n");
            return;
        }
        html.append("<table>\n<tr><th>#</th><th>name</th><th>email</th><th>signed up at</th><th>pushed to CRM at</th></tr>\n");
        for (Signup signup : signups) {
            html.append("<tr><td>").append(signup.getId())
                    .append("</td><td>").append(escape(signup.getName()))
                    .append("</td><td>").append(escape(signup.getEmail()))
                    .append("</td><td>").append(escape(time(signup.getSignedUpAt())))
                    .append("</td><td>").append(signup.getCrmPushedAt() == null ? "<span class=\"muted\">not yet</span>" : escape(time(signup.getCrmPushedAt())))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static String time(OffsetDateTime time) {
        return time.atZoneSameInstant(ZoneId.systemDefault()).format(TIME);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", Math.max(0, duration.toMillis()) / 1000.0);
    }
}
