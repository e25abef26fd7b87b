package dev.taskq.console;

import dev.taskq.cdi.internal.TaskConsole;
import dev.taskq.jpa.internal.TaskDetail;
import dev.taskq.jpa.internal.TaskGroup;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.UUID;
import java.util.logging.Logger;

/** A task's page: every field, and "retry now" and delete as POSTs of the page's Faces form. */
@Named("taskqTask")
@ViewScoped
public class TaskView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TaskView.class.getName());

    @Inject
    TaskConsole console;

    private String id;
    private UUID taskId;
    private String groupKey = TaskGroup.FAILED.key();
    private transient TaskDetail task;

    /** Reads the task named by the URL; runs on the GET. */
    public void load() {
        ConsoleMessages.restore();
        try {
            taskId = UUID.fromString(id == null ? "" : id.strip());
        } catch (IllegalArgumentException e) {
            taskId = null;
        }
        task = taskId == null ? null : console.task(taskId).orElse(null);
        if (task == null) {
            ConsoleMessages.warn(ConsoleMessages.taskGone(String.valueOf(id)));
            return;
        }
        groupKey = task.group().key();
    }

    public TaskDetail getTask() {
        if (task == null && taskId != null) {
            task = console.task(taskId).orElse(null);
        }
        return task;
    }

    /** "Retry now", then back to the list the task was in. */
    public String retry() {
        if (console.retryNow(taskId)) {
            audit("retried task " + taskId);
            ConsoleMessages.info("Task " + taskId + " will run now.");
            return ConsoleMessages.redirect("group?group=" + groupKey);
        }
        ConsoleMessages.warn(ConsoleMessages.notRetried(taskId));
        return ConsoleMessages.redirect("task?id=" + taskId);
    }

    /** Deletes the task, then back to the list it was in. */
    public String delete() {
        if (console.delete(taskId)) {
            audit("deleted task " + taskId);
            ConsoleMessages.info("Deleted task " + taskId + ".");
            return ConsoleMessages.redirect("group?group=" + groupKey);
        }
        ConsoleMessages.warn(ConsoleMessages.notDeleted(taskId));
        return ConsoleMessages.redirect("task?id=" + taskId);
    }

    private static void audit(String what) {
        String user = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
        LOG.info(() -> "taskq console: " + user + " " + what);
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getGroupKey() { return groupKey; }
}
