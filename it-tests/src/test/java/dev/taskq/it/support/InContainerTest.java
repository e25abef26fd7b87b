package dev.taskq.it.support;

import dev.taskq.TaskCall;
import dev.taskq.TaskQueue;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
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

    @Inject
    UserTransaction enqueueTransaction;

    @BeforeEach
    void emptyTables() {
        table.clear();
    }

    /**
     * Enqueues {@code count} tasks in one JTA transaction, task {@code n} (from 0) by {@code call.apply(n)}, so that
     * the workers see all of them at once, at the commit.
     *
     * @return the tasks' ids, in the order enqueued
     */
    protected <T> List<UUID> enqueueInOneTransaction(Class<T> bean, int count, IntFunction<TaskCall<T>> call) throws Exception {
        List<UUID> ids = new ArrayList<>(count);
        enqueueTransaction.begin();
        try {
            for (int n = 0; n < count; n++) {
                ids.add(tasks.enqueue(bean, call.apply(n)).id());
            }
        } catch (RuntimeException e) {
            enqueueTransaction.rollback();
            throw e;
        }
        enqueueTransaction.commit();
        return ids;
    }
}
