package dev.taskq.cdi.internal;

import dev.taskq.jpa.internal.StateTotals;
import dev.taskq.jpa.internal.TaskStateCount;
import java.time.Instant;
import java.util.List;

/** The five groups per task name and queue ({@code byTask}, ordered by name, then queue) and summed, counted at {@code countedAt}. */
public record TaskSummary(Instant countedAt, List<TaskStateCount> byTask, StateTotals totals) {

    public TaskSummary {
        byTask = List.copyOf(byTask);
    }
}
