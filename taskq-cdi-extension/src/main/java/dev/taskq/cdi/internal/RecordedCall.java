package dev.taskq.cdi.internal;

import dev.taskq.Signature;
import dev.taskq.TaskHandle;
import dev.taskq.TaskOptions;

/**
 * A checked call of a task: its definition and its arguments already written as JSON.
 * Also the {@link Signature} that {@code TaskQueue.signature(...)} returns. Immutable.
 */
record RecordedCall(TaskDefinition task, String arguments, DefaultTaskQueue queue) implements Signature {

    @Override
    public TaskHandle delay() {
        return queue.store(this, TaskOptions.defaults());
    }

    @Override
    public TaskHandle applyAsync(TaskOptions options) {
        return queue.store(this, options);
    }

    @Override
    public String toString() {
        return "Signature[" + task.name() + arguments + "]";
    }
}
