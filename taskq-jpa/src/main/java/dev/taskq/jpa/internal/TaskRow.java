package dev.taskq.jpa.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A task as a list shows it. {@code args} holds at most the first {@link #ARGS_PREVIEW} characters
 * of the JSON arguments, {@code argsCut} tells whether there were more; {@code error} is the last
 * error line, also cut to {@link #ERROR_PREVIEW} characters.
 */
public record TaskRow(UUID id, String name, String queue, String args, boolean argsCut, Instant executeAt, int retries,
        String error, String node, Instant aliveAt) {

    public static final int ARGS_PREVIEW = 200;
    public static final int ERROR_PREVIEW = 300;
}
