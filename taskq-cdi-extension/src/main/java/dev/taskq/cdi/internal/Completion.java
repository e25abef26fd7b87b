package dev.taskq.cdi.internal;

import java.util.Locale;
import java.util.Optional;

/** How the row of a successful task is removed ({@code taskq.completion}). */
public enum Completion {

    /**
     * The call and the delete of its row commit in one JTA transaction: the task's own work and its removal
     * happen together or not at all. The default.
     */
    ATOMIC,

    /**
     * The call commits in its own transaction; the row is deleted afterwards, with the rows of other finished
     * tasks, in one statement a few milliseconds later. Faster, because a task's transaction touches no taskq row;
     * but if the node dies between the two commits, a task that completed stays behind looking dirty.
     */
    BATCHED;

    static final String ALLOWED = "atomic or batched";

    static Optional<Completion> parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "atomic" -> Optional.of(ATOMIC);
            case "batched" -> Optional.of(BATCHED);
            default -> Optional.empty();
        };
    }
}
