package dev.taskq.bench;

import dev.taskq.Task;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import javax.sql.DataSource;

/** taskq's side of the benchmark: a no-op task, a task that writes one row, and a task that records when it started. */
@ApplicationScoped
public class BenchTasks {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Task(name = "bench.noop", queue = "c4")
    public void noop(long sequence) {
        Probe.ran();
    }

    /** Inserts one row in the task's transaction, which also deletes the task's row (atomic completion). */
    @Task(name = "bench.write", queue = "c4")
    public void write(long sequence) throws SQLException {
        BenchEffects.insert(dataSource, sequence);
    }

    @Task(name = "bench.stamp", queue = "latency")
    public void stamp(long enqueuedNanos) {
        Probe.started(enqueuedNanos);
    }
}
