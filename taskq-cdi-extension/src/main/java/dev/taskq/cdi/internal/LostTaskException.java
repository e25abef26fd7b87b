package dev.taskq.cdi.internal;

import dev.taskq.TaskqException;
import java.util.UUID;

/**
 * A task's row stopped being this node's while the task ran: a person retried or deleted it
 * while it looked dirty. The run is rolled back so that its work never commits twice.
 */
class LostTaskException extends TaskqException {

    private static final long serialVersionUID = 1L;

    private final UUID taskId;

    LostTaskException(UUID taskId, String name, String node) {
        super("Task " + taskId + " (" + name + ") finished on node " + node + " but its row is no longer this node's:"
                + " it was retried or deleted while it looked dirty. This run's work is rolled back.");
        this.taskId = taskId;
    }

    UUID taskId() {
        return taskId;
    }
}
