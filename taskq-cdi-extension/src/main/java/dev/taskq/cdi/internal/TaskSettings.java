package dev.taskq.cdi.internal;

import dev.taskq.Task;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The effective settings of one task: its {@link Task} annotation, overridden per task by
 * MicroProfile Config keys {@code taskq.task."<name>".max-retries}, {@code .countdown},
 * {@code .queue}, {@code .retry-backoff}, {@code .retry-backoff-max} and {@code .retry-jitter}.
 */
public record TaskSettings(String queue, int maxRetries, Duration countdown, Duration retryBackoff, Duration retryBackoffMax,
                           boolean retryJitter, List<Class<? extends Throwable>> autoretryFor,
                           List<Class<? extends Throwable>> dontAutoretryFor) {

    public static TaskSettings of(Task task) {
        return new TaskSettings(task.queue().strip(), task.maxRetries(), Duration.ofSeconds(task.countdown()),
                Duration.ofSeconds(task.retryBackoff()), Duration.ofSeconds(task.retryBackoffMax()), task.retryJitter(),
                List.of(task.autoretryFor()), List.of(task.dontAutoretryFor()));
    }

    /** The configuration key prefix of one task, e.g. {@code taskq.task."Mailer.welcome".}. */
    public static String keyPrefix(String taskName) {
        return "taskq.task.\"" + taskName + "\".";
    }

    /**
     * These settings with the task's configuration overrides applied.
     *
     * @param problems receives one message per invalid key, naming the key and the value
     */
    TaskSettings withOverrides(String taskName, Config config, List<String> problems) {
        String prefix = keyPrefix(taskName);
        String newQueue = text(config, prefix + "queue", problems).orElse(queue);
        int newMaxRetries = config.getOptionalValue(prefix + "max-retries", String.class)
                .map(value -> maxRetries(prefix + "max-retries", value, problems)).orElse(maxRetries);
        Duration newCountdown = duration(config, prefix + "countdown", problems).orElse(countdown);
        Duration newBackoff = duration(config, prefix + "retry-backoff", problems).orElse(retryBackoff);
        Duration newBackoffMax = duration(config, prefix + "retry-backoff-max", problems).orElse(retryBackoffMax);
        boolean newJitter = config.getOptionalValue(prefix + "retry-jitter", String.class)
                .map(value -> bool(prefix + "retry-jitter", value, problems)).orElse(retryJitter);
        return new TaskSettings(newQueue, newMaxRetries, newCountdown, newBackoff, newBackoffMax, newJitter, autoretryFor, dontAutoretryFor);
    }

    private Optional<String> text(Config config, String key, List<String> problems) {
        Optional<String> value = config.getOptionalValue(key, String.class).map(String::strip);
        if (value.isPresent() && value.get().isEmpty()) {
            problems.add(TaskqMessages.invalidConfig(key, "''", "must not be empty"));
            return Optional.empty();
        }
        return value;
    }

    private static int maxRetries(String key, String value, List<String> problems) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= -1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(TaskqMessages.invalidConfig(key, value, "must be a whole number >= 0, or -1 to retry forever"));
        return 0;
    }

    private static Optional<Duration> duration(Config config, String key, List<String> problems) {
        Optional<String> value = config.getOptionalValue(key, String.class);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            Duration duration = DurationFormat.parse(value.get());
            if (!duration.isNegative()) {
                return Optional.of(duration);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(TaskqMessages.invalidConfig(key, value.get(), "must be " + DurationFormat.ALLOWED + ", not negative"));
        return Optional.empty();
    }

    private static boolean bool(String key, String value, List<String> problems) {
        String trimmed = value.strip();
        if (!trimmed.equalsIgnoreCase("true") && !trimmed.equalsIgnoreCase("false")) {
            problems.add(TaskqMessages.invalidConfig(key, value, "must be true or false"));
        }
        return Boolean.parseBoolean(trimmed);
    }
}
