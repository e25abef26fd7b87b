package dev.taskq.bench;

import dev.taskq.Task;
import jakarta.enterprise.context.ApplicationScoped;

/** taskq's side of the benchmark: a no-op task and a task that records when it started. */
@ApplicationScoped
public class BenchTasks {

    @Task(name = "bench.noop", queue = "c4")
    public void noop(long sequence) {
        Probe.ran();
    }

    @Task(name = "bench.stamp", queue = "latency")
    public void stamp(long enqueuedNanos) {
        Probe.started(enqueuedNanos);
    }
}
