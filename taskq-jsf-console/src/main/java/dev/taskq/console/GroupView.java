package dev.taskq.console;

import dev.taskq.cdi.internal.TaskConsole;
import dev.taskq.cdi.internal.TaskPage;
import dev.taskq.jpa.internal.TaskFilter;
import dev.taskq.jpa.internal.TaskGroup;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * A group's page: the filter and page come from the URL (GET, bookmarkable), the commands are POSTs
 * of the page's Faces form, so each needs the view state this page was rendered with. The ticked
 * tasks arrive as plain {@code selected} request parameters holding their ids.
 */
@Named("taskqGroup")
@ViewScoped
public class GroupView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(GroupView.class.getName());
    static final int PAGE_SIZE = 20;

    /** A command on everything the filter matches, waiting for the user to confirm the count. */
    public enum Pending { RETRY_ALL, DELETE_ALL }

    @Inject
    TaskConsole console;

    private String group = TaskGroup.FAILED.key();
    private String queue;
    private String name;
    private String from;
    private String to;
    private String sort = "asc";
    private String page = "1";

    private Pending pending;
    private long matching;
    private transient TaskPage result;

    /** Reads and checks the URL's parameters, then the page; runs on the GET. */
    public void load() {
        ConsoleMessages.restore();
        if (group != null && !group.isBlank() && TaskGroup.of(group).isEmpty()) {
            ConsoleMessages.warn(ConsoleMessages.unknownGroup(group));
            group = TaskGroup.FAILED.key();
        }
        group = groupValue().key();
        from = checkedTime("from", from);
        to = checkedTime("to", to);
        sort = "desc".equals(sort) ? "desc" : "asc";
        result = console.page(filter(), newestFirst(), pageNumber(), PAGE_SIZE);
        if (result.rows().isEmpty() && result.page() > result.pages()) { // past the end, e.g. after deleting the last page
            page = String.valueOf(result.pages());
            result = console.page(filter(), newestFirst(), pageNumber(), PAGE_SIZE);
        }
    }

    public TaskPage getResult() {
        if (result == null) {
            result = console.page(filter(), newestFirst(), pageNumber(), PAGE_SIZE);
        }
        return result;
    }

    public TaskGroup getGroupValue() {
        return groupValue();
    }

    public boolean isRetryable() {
        return groupValue().retryable();
    }

    public boolean isDeletable() {
        return groupValue().deletable();
    }

    public boolean isFiltered() {
        return queue != null && !queue.isBlank() || name != null && !name.isBlank() || from != null || to != null;
    }

    /** The sort order the Execute-at header switches to. */
    public String getOtherSort() {
        return newestFirst() ? "asc" : "desc";
    }

    // ---- commands

    public String retrySelected() {
        List<UUID> ids = selectedIds();
        if (ids.isEmpty()) {
            ConsoleMessages.warn(ConsoleMessages.nothingSelected());
            return null;
        }
        int retried = console.retryNow(ids);
        audit("retried " + retried + " of " + ids.size() + " selected " + group + " task(s)");
        ConsoleMessages.info(retried + (retried == 1 ? " task" : " tasks") + " will run now.");
        if (retried < ids.size()) {
            ConsoleMessages.warn(ConsoleMessages.skipped(ids.size(), retried, "they are gone or no longer failed or dirty"));
        }
        return reload();
    }

    public String deleteSelected() {
        List<UUID> ids = selectedIds();
        if (ids.isEmpty()) {
            ConsoleMessages.warn(ConsoleMessages.nothingSelected());
            return null;
        }
        int deleted = console.delete(ids);
        audit("deleted " + deleted + " of " + ids.size() + " selected " + group + " task(s)");
        ConsoleMessages.info("Deleted " + deleted + (deleted == 1 ? " task." : " tasks."));
        if (deleted < ids.size()) {
            ConsoleMessages.warn(ConsoleMessages.skipped(ids.size(), deleted, "they are gone or active"));
        }
        return reload();
    }

    /** Counts what "retry all matching" would touch and asks to confirm. */
    public String askRetryAll() {
        return ask(Pending.RETRY_ALL);
    }

    /** Counts what "delete all matching" would touch and asks to confirm. */
    public String askDeleteAll() {
        return ask(Pending.DELETE_ALL);
    }

    public String confirm() {
        if (pending == null) {
            return reload();
        }
        TaskFilter filter = filter();
        if (pending == Pending.RETRY_ALL) {
            int retried = console.retryNowMatching(filter);
            audit("retried " + retried + " " + describe(filter) + " (confirmed " + matching + ")");
            ConsoleMessages.info(retried + (retried == 1 ? " task" : " tasks") + " will run now.");
        } else {
            int deleted = console.deleteMatching(filter);
            audit("deleted " + deleted + " " + describe(filter) + " (confirmed " + matching + ")");
            ConsoleMessages.info("Deleted " + deleted + (deleted == 1 ? " task." : " tasks."));
        }
        pending = null;
        return reload();
    }

    public String cancel() {
        pending = null;
        return null;
    }

    private String ask(Pending command) {
        matching = console.count(filter());
        if (matching == 0) {
            ConsoleMessages.info("No task matches the filter; nothing to do.");
            return reload();
        }
        pending = command;
        return null;
    }

    public Pending getPending() {
        return pending;
    }

    public long getMatching() {
        return matching;
    }

    /** The question asked before a command on everything the filter matches. */
    public String getQuestion() {
        String what = matching + " " + groupValue().key() + (matching == 1 ? " task" : " tasks") + matchingText();
        return (pending == Pending.RETRY_ALL ? "Retry " + what + " now?" : "Delete " + what + "? This cannot be undone.");
    }

    public String getConfirmLabel() {
        return (pending == Pending.RETRY_ALL ? "Retry " : "Delete ") + matching + (matching == 1 ? " task" : " tasks");
    }

    private String matchingText() {
        List<String> parts = new ArrayList<>();
        if (name != null && !name.isBlank()) {
            parts.add("named " + name.strip());
        }
        if (queue != null && !queue.isBlank()) {
            parts.add("in queue " + queue.strip());
        }
        if (from != null) {
            parts.add("due from " + from.replace('T', ' '));
        }
        if (to != null) {
            parts.add("due before " + to.replace('T', ' '));
        }
        return parts.isEmpty() ? "" : " " + String.join(", ", parts);
    }

    /** Back to this page's URL with its filter (POST-redirect-GET), so a reload never repeats a command. */
    private static String reload() {
        return ConsoleMessages.redirect("group?includeViewParams=true");
    }

    private List<UUID> selectedIds() {
        String[] values = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterValuesMap().get("selected");
        Set<UUID> ids = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                try {
                    ids.add(UUID.fromString(value));
                } catch (IllegalArgumentException e) {
                    // not an id this page rendered: ignore it
                }
            }
        }
        return List.copyOf(ids);
    }

    private TaskFilter filter() {
        return new TaskFilter(groupValue(), queue, name, instant(from), instant(to));
    }

    private TaskGroup groupValue() {
        return TaskGroup.of(group).orElse(TaskGroup.FAILED);
    }

    private boolean newestFirst() {
        return "desc".equals(sort);
    }

    private int pageNumber() {
        try {
            return Math.max(1, Integer.parseInt(page));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String checkedTime(String key, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (instant(value) == null) {
            ConsoleMessages.warn(ConsoleMessages.badTime(key, value));
            return null;
        }
        return value.strip();
    }

    /** A {@code datetime-local} value, read as UTC; null if absent or malformed. */
    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String describe(TaskFilter filter) {
        return filter.group().key() + " task(s)" + matchingText();
    }

    private static void audit(String what) {
        String user = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
        LOG.info(() -> "taskq console: " + user + " " + what);
    }

    // ---- view parameters

    public String getGroup() { return group; }
    public void setGroup(String group) { this.group = group; }
    public String getQueue() { return queue; }
    public void setQueue(String queue) { this.queue = queue; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getTo() { return to; }
    public void setTo(String to) { this.to = to; }
    public String getSort() { return sort; }
    public void setSort(String sort) { this.sort = sort; }
    public String getPage() { return page; }
    public void setPage(String page) { this.page = page; }
}
