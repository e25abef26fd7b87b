package dev.taskq.cdi.internal;

import dev.taskq.TaskHandle;
import dev.taskq.TaskQueue;
import java.util.Optional;
import java.util.UUID;

/** The handle of a task written to the table (or run eagerly, then with its result). */
record StoredTaskHandle(UUID id, TaskQueue queue, Optional<Object> result) implements TaskHandle {

    StoredTaskHandle(UUID id, TaskQueue queue) {
        this(id, queue, Optional.empty());
    }

    @Override
    public boolean revoke() {
        return queue.revoke(id);
    }

    @Override
    public String toString() {
        return "TaskHandle[" + id + "]";
    }
}
