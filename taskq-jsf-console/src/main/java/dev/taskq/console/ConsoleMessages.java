package dev.taskq.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the console tells its user, each problem with a stable id (TASKQ05xxx, message-ranges.txt).
 * Messages survive the redirect that follows a command when it navigates with {@link #redirect} and
 * the page redirected to calls {@link #restore()} when it loads.
 */
final class ConsoleMessages {

    /** The session attribute that carries messages across a redirect. */
    private static final String CARRIED = ConsoleMessages.class.getName() + ".carried";

    private ConsoleMessages() {
    }

    static String forbidden(String role, String user) {
        return id(5001) + "The taskq console needs the role '" + role + "', which user '" + user + "' does not have."
                + " Map the role to the user or a group of theirs in the server, or point " + ConsoleRoleFilter.ROLE_KEY
                + " at a role they have.";
    }

    static String nothingSelected() {
        return id(5002) + "No task is selected: tick the tasks to act on first.";
    }

    static String taskGone(String id) {
        return id(5003) + "Task " + id + " is not there: it finished, or someone deleted it.";
    }

    static String notRetried(UUID id) {
        return id(5004) + "Task " + id + " was not retried: only failed and dirty tasks can be, and it is gone or no longer one.";
    }

    static String notDeleted(UUID id) {
        return id(5005) + "Task " + id + " was not deleted: it is gone, or active (its worker is running it right now).";
    }

    static String badTime(String key, String value) {
        return id(5006) + "Ignored " + key + "=" + value + ": write a date and time such as 2025-05-01T14:30, in UTC.";
    }

    static String unknownGroup(String group) {
        return id(5007) + "There is no group '" + group + "'; showing failed tasks. The groups are failed, dirty, active, pending and future.";
    }

    static String skipped(int asked, int done, String why) {
        return id(5008) + (asked - done) + " of the " + asked + " selected tasks were left alone: " + why + ".";
    }

    static void info(String text) {
        add(FacesMessage.SEVERITY_INFO, text);
    }

    static void warn(String text) {
        add(FacesMessage.SEVERITY_WARN, text);
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(null, new FacesMessage(severity, text, null));
    }

    /**
     * Navigates to {@code outcome} with a redirect, taking this request's messages along in the
     * session. Not the Faces flash: it hands messages over through a cookie to "the next request",
     * which another request of the same browser can be (a flaky browser test showed the outcome of a
     * delete lost), and a user must always see what a command did.
     */
    static String redirect(String outcome) {
        FacesContext context = FacesContext.getCurrentInstance();
        List<FacesMessage> messages = new ArrayList<>(context.getMessageList(null));
        if (!messages.isEmpty()) {
            Map<String, Object> session = context.getExternalContext().getSessionMap();
            @SuppressWarnings("unchecked")
            List<FacesMessage> carried = (List<FacesMessage>) session.get(CARRIED);
            ArrayList<FacesMessage> all = carried == null ? new ArrayList<>() : new ArrayList<>(carried);
            all.addAll(messages);
            session.put(CARRIED, all);
        }
        return outcome + (outcome.contains("?") ? "&" : "?") + "faces-redirect=true";
    }

    /** Shows the messages a command carried across its redirect ({@link #redirect}); called by each page's load. */
    static void restore() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context.getExternalContext().getSession(false) == null) {
            return;
        }
        Map<String, Object> session = context.getExternalContext().getSessionMap();
        Object carried = session.remove(CARRIED);
        if (carried instanceof List<?> messages) {
            messages.forEach(message -> context.addMessage(null, (FacesMessage) message));
        }
    }

    private static String id(int number) {
        return String.format("TASKQ%05d: ", number);
    }
}
