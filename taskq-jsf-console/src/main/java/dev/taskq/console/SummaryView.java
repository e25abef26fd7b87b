package dev.taskq.console;

import dev.taskq.cdi.internal.TaskConsole;
import dev.taskq.cdi.internal.TaskSummary;
import dev.taskq.jpa.internal.StateTotals;
import dev.taskq.jpa.internal.TaskGroup;
import dev.taskq.jpa.internal.TaskStateCount;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;

/** The summary page: the five groups summed, and per task name and queue. */
@Named("taskqSummary")
@RequestScoped
public class SummaryView {

    /** One count of the page, with the filter its link opens. */
    public record Cell(TaskGroup group, long count, String name, String queue) {
    }

    /** The counts of one task name and queue. */
    public record Row(String name, String queue, List<Cell> cells, Instant oldestPending) {
    }

    @Inject
    TaskConsole console;

    private TaskSummary summary;

    public Instant countedAt() {
        return summary().countedAt();
    }

    /** The five totals; their links open the whole group. */
    public List<Cell> totals() {
        StateTotals totals = summary().totals();
        return cells(totals.failed(), totals.dirty(), totals.active(), totals.pending(), totals.future(), null, null);
    }

    public Instant oldestPending() {
        return summary().totals().oldestPendingExecuteAt().orElse(null);
    }

    public List<Row> rows() {
        return summary().byTask().stream()
                .map(count -> new Row(count.name(), count.queue(), cells(count), count.oldestPendingExecuteAt()))
                .toList();
    }

    private static List<Cell> cells(TaskStateCount count) {
        return cells(count.failed(), count.dirty(), count.active(), count.pending(), count.future(), count.name(), count.queue());
    }

    private static List<Cell> cells(long failed, long dirty, long active, long pending, long future, String name, String queue) {
        return List.of(new Cell(TaskGroup.FAILED, failed, name, queue), new Cell(TaskGroup.DIRTY, dirty, name, queue),
                new Cell(TaskGroup.ACTIVE, active, name, queue), new Cell(TaskGroup.PENDING, pending, name, queue),
                new Cell(TaskGroup.FUTURE, future, name, queue));
    }

    private TaskSummary summary() {
        if (summary == null) {
            summary = console.summary();
        }
        return summary;
    }
}
