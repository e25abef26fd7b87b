package dev.taskq.cdi.internal;

import dev.taskq.jpa.internal.TaskFilter;
import dev.taskq.jpa.internal.TaskRow;
import java.time.Instant;
import java.util.List;

/** Page {@code page} (from 1) of {@code size} rows of the {@code total} tasks a filter matched at {@code readAt}. */
public record TaskPage(Instant readAt, TaskFilter filter, boolean newestFirst, int page, int size, long total, List<TaskRow> rows) {

    public TaskPage {
        rows = List.copyOf(rows);
    }

    /** How many pages the matching tasks fill; at least 1. */
    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    /** The position of the first row on this page, from 1; 0 when the page is empty. */
    public long first() {
        return rows.isEmpty() ? 0 : (long) (page - 1) * size + 1;
    }

    /** The position of the last row on this page. */
    public long last() {
        return rows.isEmpty() ? 0 : first() + rows.size() - 1;
    }
}
