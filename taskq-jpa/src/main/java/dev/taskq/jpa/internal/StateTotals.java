package dev.taskq.jpa.internal;

import java.time.Instant;
import java.util.Optional;

/** The five groups (DESIGN.md) summed over every task name and queue, counted at one moment. */
public record StateTotals(long failed, long dirty, long active, long pending, long future,
        Optional<Instant> oldestPendingExecuteAt) {
}
