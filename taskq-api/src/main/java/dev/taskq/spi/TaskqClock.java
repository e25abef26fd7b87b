package dev.taskq.spi;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Qualifies the {@link java.time.Clock} taskq reads the time from: when it is due, when it
 * expires, when a retry runs. Without such a bean taskq uses {@code Clock.systemUTC()}.
 *
 * <p>Tests replace time with a producer, for example
 * {@code @Produces @TaskqClock Clock clock() { return settableClock; }}, so that retry and expiry
 * timing is checked without sleeping. Every node of one queue must agree on the time.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD, FIELD, PARAMETER})
public @interface TaskqClock {
}
