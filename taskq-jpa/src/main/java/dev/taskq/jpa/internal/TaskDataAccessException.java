package dev.taskq.jpa.internal;

import dev.taskq.TaskqException;

/** A statement on the task table failed; the message names the operation and the task. */
public class TaskDataAccessException extends TaskqException {

    private static final long serialVersionUID = 1L;

    public TaskDataAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
