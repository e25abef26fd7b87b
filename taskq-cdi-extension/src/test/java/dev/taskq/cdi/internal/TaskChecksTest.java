package dev.taskq.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.Task;
import jakarta.enterprise.inject.spi.DefinitionException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskChecksTest {

    static class Tasks {
        @Task(maxRetries = -1, countdown = 0, retryBackoff = 0, retryBackoffMax = 0)
        void limitsAtTheirBounds() { }

        @Task(retryBackoff = -1)
        void negativeBackoff() { }

        @Task(retryBackoffMax = -1)
        void negativeBackoffMax() { }

        @Task(queue = "  ")
        void blankQueue() { }

        @Task(maxRetries = -2, countdown = -1, queue = "")
        void threeBadAttributes() { }
    }

    static final class FinalBean {
        @Task
        void run() { }
    }

    private static List<String> problems(Class<?> beanClass, String methodName) {
        Method method = Arrays.stream(beanClass.getDeclaredMethods())
                .filter(m -> m.getName().equals(methodName)).findFirst().orElseThrow();
        return TaskChecks.problems(beanClass, method, method.getAnnotation(Task.class)).stream()
                .map(DefinitionException::getMessage).toList();
    }

    @Test
    void shouldAcceptEveryAttributeAtItsBound() {
        assertThat(problems(Tasks.class, "limitsAtTheirBounds")).isEmpty();
    }

    @Test
    void shouldRejectNegativeRetryBackoff() {
        assertThat(problems(Tasks.class, "negativeBackoff")).singleElement().asString()
                .startsWith("TASKQ01005: Invalid @Task on " + Tasks.class.getName() + ".negativeBackoff")
                .contains("@Task.retryBackoff must be >= 0 seconds (0: no backoff), was -1");
    }

    @Test
    void shouldRejectNegativeRetryBackoffMax() {
        assertThat(problems(Tasks.class, "negativeBackoffMax")).singleElement().asString()
                .contains("@Task.retryBackoffMax must be >= 0 seconds, was -1");
    }

    @Test
    void shouldRejectABlankQueue() {
        assertThat(problems(Tasks.class, "blankQueue")).singleElement().asString()
                .contains("@Task.queue must not be empty, was '  '");
    }

    @Test
    void shouldReportEveryBadAttributeOfOneMethod() {
        assertThat(problems(Tasks.class, "threeBadAttributes")).hasSize(3)
                .anySatisfy(message -> assertThat(message).contains("@Task.maxRetries"))
                .anySatisfy(message -> assertThat(message).contains("@Task.countdown"))
                .anySatisfy(message -> assertThat(message).contains("@Task.queue"));
    }

    @Test
    void shouldRejectATaskOnAFinalClass() {
        assertThat(problems(FinalBean.class, "run")).singleElement().asString()
                .startsWith("TASKQ01004: Invalid @Task on " + FinalBean.class.getName() + ".run")
                .contains("remove 'final'");
    }
}
