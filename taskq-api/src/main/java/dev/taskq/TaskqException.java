package dev.taskq;

/**
 * The root of the exceptions taskq throws at run time. Subclasses are named after the condition
 * and carry the ids involved as fields.
 */
public abstract class TaskqException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected TaskqException(String message) {
        super(message);
    }

    protected TaskqException(String message, Throwable cause) {
        super(message, cause);
    }
}
