package dev.taskq.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class TaskqConfigTest {

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500)).build();
    }

    private static TaskqConfig read(Map<String, String> properties) {
        return TaskqConfig.from(config(properties));
    }

    @Test
    void shouldUseTheDocumentedDefaultsWhenNothingIsSet() {
        TaskqConfig config = read(Map.of());

        assertThat(config.concurrencyByQueue()).containsExactly(entry("default", 4));
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.dirtyAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.workerEnabled()).isTrue();
        assertThat(config.migrate()).isTrue();
        assertThat(config.eager()).isFalse();
        assertThat(config.eagerPropagates()).isFalse();
        assertThat(config.dataSource()).isEqualTo("java:comp/DefaultDataSource");
        assertThat(config.executor()).isEqualTo("java:comp/DefaultManagedExecutorService");
        assertThat(config.node()).isNotBlank();
    }

    @Test
    void shouldReadQueuesInOrderWithTheirOwnConcurrency() {
        TaskqConfig config = read(Map.of(
                "taskq.queues", "a, b",
                "taskq.queue.b.concurrency", "2"));

        assertThat(config.concurrencyByQueue()).containsExactly(entry("a", 4), entry("b", 2));
    }

    @Test
    void shouldApplyTheGlobalConcurrencyToQueuesWithoutTheirOwn() {
        TaskqConfig config = read(Map.of(
                "taskq.queues", "mail,reports",
                "taskq.concurrency", "8",
                "taskq.queue.reports.concurrency", "1"));

        assertThat(config.concurrencyByQueue()).containsExactly(entry("mail", 8), entry("reports", 1));
    }

    @Test
    void shouldReadEverySettingThatIsGiven() {
        TaskqConfig config = read(Map.of(
                "taskq.worker.enabled", "FALSE",
                "taskq.migrate", "false",
                "taskq.eager", "true",
                "taskq.eager.propagates", "true",
                "taskq.poll-interval", "500ms",
                "taskq.heartbeat-interval", "2s",
                "taskq.dirty-after", "1m",
                "taskq.shutdown-timeout", "PT10S",
                "taskq.datasource", "jdbc/app",
                "taskq.node", "node-7"));

        assertThat(config.workerEnabled()).isFalse();
        assertThat(config.migrate()).isFalse();
        assertThat(config.eager()).isTrue();
        assertThat(config.eagerPropagates()).isTrue();
        assertThat(config.pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.dirtyAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.dataSource()).isEqualTo("jdbc/app");
        assertThat(config.node()).isEqualTo("node-7");
    }

    @Test
    void shouldRejectConcurrencyBelowOne() {
        assertThatThrownBy(() -> read(Map.of("taskq.concurrency", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TASKQ03001")
                .hasMessageContaining("taskq.concurrency=0");
    }

    @Test
    void shouldRejectAQueueConcurrencyThatIsNoNumber() {
        assertThatThrownBy(() -> read(Map.of("taskq.queues", "mail", "taskq.queue.mail.concurrency", "lots")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("taskq.queue.mail.concurrency=lots");
    }

    @Test
    void shouldRejectAnUnknownDurationFormat() {
        assertThatThrownBy(() -> read(Map.of("taskq.poll-interval", "soon")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TASKQ03001")
                .hasMessageContaining("taskq.poll-interval=soon")
                .hasMessageContaining("500ms");
    }

    @Test
    void shouldRejectANegativeDuration() {
        assertThatThrownBy(() -> read(Map.of("taskq.shutdown-timeout", "-PT1S")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("taskq.shutdown-timeout=-PT1S")
                .hasMessageContaining("negative");
    }

    @Test
    void shouldRejectAnEmptyQueueName() {
        assertThatThrownBy(() -> read(Map.of("taskq.queues", "a,,b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TASKQ03001")
                .hasMessageContaining("taskq.queues")
                .hasMessageContaining("a,,b")
                .hasMessageContaining("must not be empty");
    }

    @Test
    void shouldRejectABooleanThatIsNeitherTrueNorFalse() {
        assertThatThrownBy(() -> read(Map.of("taskq.worker.enabled", "maybe")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TASKQ03001")
                .hasMessageContaining("taskq.worker.enabled=maybe")
                .hasMessageContaining("true or false");
    }

    @Test
    void shouldRejectADirtyAfterNoLongerThanTheHeartbeat() {
        assertThatThrownBy(() -> read(Map.of("taskq.heartbeat-interval", "5s", "taskq.dirty-after", "5s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("taskq.dirty-after")
                .hasMessageContaining("taskq.heartbeat-interval");
    }

    @Test
    void shouldReportEveryBadKeyInOneMessage() {
        assertThatThrownBy(() -> read(Map.of(
                "taskq.concurrency", "0",
                "taskq.poll-interval", "soon",
                "taskq.queues", "a,,b",
                "taskq.worker.enabled", "maybe")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("taskq.concurrency=0")
                .hasMessageContaining("taskq.poll-interval=soon")
                .hasMessageContaining("a,,b")
                .hasMessageContaining("taskq.worker.enabled=maybe")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(4));
    }

    @Test
    void shouldCompleteAtomicallyUnlessConfiguredOtherwise() {
        TaskqConfig config = read(Map.of("taskq.queues", "a,b"));

        assertThat(config.completion("a")).isEqualTo(Completion.ATOMIC);
        assertThat(config.completion("b")).isEqualTo(Completion.ATOMIC);
    }

    @Test
    void shouldReadTheCompletionModeForAllQueuesAndPerQueue() {
        TaskqConfig config = read(Map.of(
                "taskq.queues", "a,b",
                "taskq.completion", "Batched",
                "taskq.queue.b.completion", "atomic"));

        assertThat(config.completion("a")).isEqualTo(Completion.BATCHED);
        assertThat(config.completion("b")).isEqualTo(Completion.ATOMIC);
    }

    @Test
    void shouldRejectAnUnknownCompletionMode() {
        assertThatThrownBy(() -> read(Map.of("taskq.queues", "mail", "taskq.completion", "lazy", "taskq.queue.mail.completion", "later")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TASKQ03001: Invalid configuration taskq.completion=lazy: must be atomic or batched")
                .hasMessageContaining("taskq.queue.mail.completion=later: must be atomic or batched");
    }
}
