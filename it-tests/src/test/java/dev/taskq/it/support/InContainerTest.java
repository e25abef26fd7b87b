package dev.taskq.it.support;

import dev.taskq.TaskQueue;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/**
 * What an in-container test starts from: the application's {@link TaskQueue}, the task and effect
 * tables, and both tables emptied before each test. {@code Deployments.war} packs this class.
 */
public abstract class InContainerTest {

    @Inject
    protected TaskQueue tasks;

    @Inject
    protected TaskTable table;

    @BeforeEach
    void emptyTables() {
        table.clear();
    }
}
