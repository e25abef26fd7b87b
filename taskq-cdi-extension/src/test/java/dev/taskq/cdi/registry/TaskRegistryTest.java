package dev.taskq.cdi.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskq.TaskQueue;
import dev.taskq.cdi.Deployments;
import dev.taskq.cdi.TaskqExtension;
import dev.taskq.cdi.internal.TaskDefinition;
import dev.taskq.cdi.internal.TaskRegistry;
import java.lang.reflect.ParameterizedType;
import java.util.List;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TaskRegistryTest {

    private static WeldContainer container;
    private static TaskRegistry registry;

    @BeforeAll
    static void deploy() {
        container = Deployments.deploy(Mailer.class);
        registry = container.getBeanManager().getExtension(TaskqExtension.class).registry();
    }

    @AfterAll
    static void undeploy() {
        if (container != null) {
            container.close();
        }
    }

    @Test
    void shouldFindATaskByItsDefaultNameSimpleClassNameDotMethod() {
        TaskDefinition welcome = registry.byName("Mailer.welcome").orElseThrow();

        assertThat(welcome.beanClass()).isEqualTo(Mailer.class);
        assertThat(welcome.method().getName()).isEqualTo("welcome");
        assertThat(welcome.queue()).isEqualTo("default");
        assertThat(welcome.parameterTypes()).containsExactly(long.class);
        assertThat(welcome.bean()).isNotNull();
        assertThat(welcome.bean().getBeanClass()).isEqualTo(Mailer.class);
    }

    @Test
    void shouldFindATaskByTheNameGivenInTheAnnotation() {
        TaskDefinition digest = registry.byName("mail.digest").orElseThrow();

        assertThat(digest.method().getName()).isEqualTo("digest");
        assertThat(digest.queue()).isEqualTo("mail");
        assertThat(digest.parameterTypes()).singleElement()
                .isInstanceOfSatisfying(ParameterizedType.class, type -> assertThat(type.getActualTypeArguments()).containsExactly(String.class));
        assertThat(registry.byName("Mailer.digest")).isEmpty();
    }

    @Test
    void shouldHoldOnlyTheAnnotatedMethods() throws NoSuchMethodException {
        assertThat(registry.size()).isEqualTo(2);
        assertThat(registry.hasTasks(Mailer.class)).isTrue();
        assertThat(registry.hasTasks(String.class)).isFalse();
        assertThat(registry.byMethod(Mailer.class, Mailer.class.getDeclaredMethod("digest", List.class)))
                .map(TaskDefinition::name).contains("mail.digest");
        assertThat(registry.byMethod(Mailer.class, Mailer.class.getDeclaredMethod("notATask"))).isEmpty();
        assertThat(registry.byName("Mailer.notATask")).isEmpty();
    }

    @Test
    void shouldRegisterTaskqsOwnBeansWithoutScanningItsJar() {
        assertThat(container.select(TaskQueue.class).isResolvable()).isTrue();
    }
}
