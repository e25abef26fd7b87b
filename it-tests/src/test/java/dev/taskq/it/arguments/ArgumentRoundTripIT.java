package dev.taskq.it.arguments;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.taskq.it.support.Eventually.eventually;
import static dev.taskq.it.support.Eventually.within;

import dev.taskq.TaskQueue;
import dev.taskq.it.harness.Deployments;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Arguments go through JSON-B with the method's generic parameter types and reach the method equal. */
@ExtendWith(ArquillianExtension.class)
class ArgumentRoundTripIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("arguments", Map.of("taskq.poll-interval", "100ms"),
                ArgumentRoundTripIT.class, ArgumentTasks.class, Point.class);
    }

    @Inject
    TaskQueue tasks;

    @Test
    void everySupportedTypeArrivesEqual() {
        String text = "she said \"hi\" \\ naïve café 日本語 😀 </script>";
        Instant instant = Instant.parse("2026-11-24T10:15:30.123456789Z");
        LocalDate date = LocalDate.of(2024, 2, 29);
        UUID uuid = UUID.fromString("0b7c6d5e-4f3a-4b2c-9d1e-0f1a2b3c4d5e");
        List<Long> longs = List.of(1L, Long.MAX_VALUE, -7L);
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("ä", 1);
        counts.put("b", Integer.MIN_VALUE);
        Point point = new Point(3, -4, "corner \"A\"");

        tasks.enqueue(ArgumentTasks.class, t -> t.everyType("all", 42, 9_007_199_254_740_993L, true, text, instant, date,
                uuid, longs, counts, point));

        eventually().until(() -> ArgumentTasks.RECEIVED.containsKey("all"));
        assertThat(ArgumentTasks.RECEIVED.get("all"))
                .containsExactly(42, 9_007_199_254_740_993L, true, text, instant, date, uuid, longs, counts, point);
    }

    @Test
    void nullArgumentsArriveAsNull() {
        tasks.enqueue(ArgumentTasks.class, t -> t.nullable("nulls", null, null, null, null));

        eventually().until(() -> ArgumentTasks.RECEIVED.containsKey("nulls"));
        assertThat(ArgumentTasks.RECEIVED.get("nulls")).isEqualTo(Arrays.asList(null, null, null, null));
    }
}
