package dev.taskq.cdi.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as written in configuration: {@code 500ms}, {@code 1s}, {@code 2m}, {@code 1h},
 * {@code 1d}, a plain number of seconds ({@code 30}), or ISO-8601 ({@code PT1.5S}).
 * Also catches ISO-8601 overflow: every failure is an {@link IllegalArgumentException}.
 */
final class DurationFormat {

    static final String ALLOWED = "a duration such as 500ms, 1s, 2m, 1h, 1d, a number of seconds, or ISO-8601 like PT1S";

    private static final Pattern WITH_UNIT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

    private DurationFormat() {
    }

    /** @throws IllegalArgumentException if the text is none of the allowed forms */
    static Duration parse(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = WITH_UNIT.matcher(trimmed);
        if (matcher.matches()) {
            try {
                return ofUnit(Long.parseLong(matcher.group(1)), matcher.group(2));
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException("too large");
            }
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("not " + ALLOWED);
        }
    }

    private static Duration ofUnit(long amount, String unit) {
        return switch (unit == null ? "s" : unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
