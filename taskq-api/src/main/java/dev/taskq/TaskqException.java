package dev.taskq;

/**
 * The root of the exceptions taskq throws at run time. Subclasses are named after the condition
 * and carry the ids involved as fields.
 */
public abstract class TaskqException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * For subclasses.
     *
     * @param message what went wrong and how to fix it, naming the ids involved
     */
    protected TaskqException(String message) {
        super(message);
    }

    /**
     * For subclasses that wrap a lower-level failure, such as an {@code SQLException}.
     *
     * @param message what went wrong and how to fix it, naming the ids involved
     * @param cause   the failure underneath, kept for its stack trace
     */
    protected TaskqException(String message, Throwable cause) {
        super(message, cause);
    }
}
