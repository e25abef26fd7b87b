package dev.taskq.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.Task;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskSettingsTest {

    private static final String PREFIX = "taskq.task.\"Mailer.welcome\".";

    @Task(queue = "mail", maxRetries = 5, countdown = 30, retryBackoff = 2, retryBackoffMax = 60, retryJitter = false,
            autoretryFor = IOException.class)
    void annotated() {
    }

    private static TaskSettings annotation() throws NoSuchMethodException {
        return TaskSettings.of(TaskSettingsTest.class.getDeclaredMethod("annotated").getAnnotation(Task.class));
    }

    private static TaskSettings overridden(Map<String, String> properties, List<String> problems) throws NoSuchMethodException {
        return annotation().withOverrides("Mailer.welcome",
                new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500)).build(), problems);
    }

    @Test
    void shouldTakeEverySettingFromTheAnnotationWhenNothingIsConfigured() throws Exception {
        List<String> problems = new ArrayList<>();

        assertThat(overridden(Map.of(), problems)).isEqualTo(annotation());
        assertThat(annotation().queue()).isEqualTo("mail");
        assertThat(annotation().countdown()).isEqualTo(Duration.ofSeconds(30));
        assertThat(annotation().autoretryFor()).containsExactly(IOException.class);
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldLetConfigurationOverrideEachSettingOfOneTask() throws Exception {
        List<String> problems = new ArrayList<>();

        TaskSettings settings = overridden(Map.of(
                PREFIX + "queue", "bulk-mail",
                PREFIX + "max-retries", "-1",
                PREFIX + "countdown", "2m",
                PREFIX + "retry-backoff", "5",
                PREFIX + "retry-backoff-max", "1h",
                PREFIX + "retry-jitter", "true",
                "taskq.task.\"Other.task\".max-retries", "9"), problems);

        assertThat(problems).isEmpty();
        assertThat(settings.queue()).isEqualTo("bulk-mail");
        assertThat(settings.maxRetries()).isEqualTo(-1);
        assertThat(settings.countdown()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.retryBackoff()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.retryBackoffMax()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.retryJitter()).isTrue();
        assertThat(settings.autoretryFor()).containsExactly(IOException.class);
    }

    @Test
    void shouldReportEveryInvalidOverrideWithItsKeyAndValue() throws Exception {
        List<String> problems = new ArrayList<>();

        overridden(Map.of(
                PREFIX + "queue", " ",
                PREFIX + "max-retries", "-2",
                PREFIX + "countdown", "soon",
                PREFIX + "retry-jitter", "maybe"), problems);

        assertThat(problems).hasSize(4).allMatch(problem -> problem.startsWith("TASKQ03001: Invalid configuration " + PREFIX));
        assertThat(String.join("\n", problems))
                .contains(PREFIX + "max-retries=-2: must be a whole number >= 0, or -1 to retry forever")
                .contains(PREFIX + "countdown=soon")
                .contains(PREFIX + "retry-jitter=maybe: must be true or false")
                .contains(PREFIX + "queue='': must not be empty");
    }
}
