package dev.taskq.cdi.internal;

import dev.taskq.jpa.internal.ClaimedTask;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The loop of one queue on one node: claims as many due tasks as it has free slots, in one
 * statement, hands each to the executor, and sleeps until a slot frees up, a wake-up arrives or
 * the poll interval passes. A database error is logged once and retried with a growing pause;
 * the loop never dies of it.
 */
final class QueueWorker {

    private static final Logger LOG = Logger.getLogger(QueueWorker.class.getName());

    private final String queue;
    private final int concurrency;
    private final TaskqRuntime runtime;
    private final TaskRunner runner;
    private final ManagedExecutorService executor;
    private final Heartbeat heartbeat;
    private final Semaphore slots;
    private final Object signal = new Object();
    private volatile boolean running = true;
    private volatile boolean abandoned;
    private final Set<Future<?>> inFlight = ConcurrentHashMap.newKeySet();
    private boolean woken;
    private Thread loop;

    QueueWorker(String queue, int concurrency, TaskqRuntime runtime, TaskRunner runner, ManagedExecutorService executor,
                Heartbeat heartbeat) {
        this.queue = queue;
        this.concurrency = concurrency;
        this.runtime = runtime;
        this.runner = runner;
        this.executor = executor;
        this.heartbeat = heartbeat;
        this.slots = new Semaphore(concurrency);
    }

    void start(ManagedThreadFactory threads) {
        loop = LoopThreads.start(threads, "taskq-worker-" + queue, this::loop);
    }

    /** Makes the loop look for due tasks now instead of at the end of its poll interval. */
    void wakeUp() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** True while the claim loop runs as it should; false if it died. */
    boolean alive() {
        return loop == null || loop.isAlive() || !running;
    }

    String queue() {
        return queue;
    }

    /** Stops claiming; running tasks go on. */
    void stopClaiming() {
        running = false;
        wakeUp();
    }

    /** Waits until the running tasks have ended, at most until {@code deadlineNanos}. @return true if none is left */
    boolean awaitIdle(long deadlineNanos) throws InterruptedException {
        if (loop != null) {
            TimeUnit.NANOSECONDS.timedJoin(loop, Math.max(1, deadlineNanos - System.nanoTime()));
            if (loop.isAlive()) {
                loop.interrupt();
            }
        }
        long remaining = Math.max(0, deadlineNanos - System.nanoTime());
        if (slots.tryAcquire(concurrency, remaining, TimeUnit.NANOSECONDS)) {
            slots.release(concurrency);
            return true;
        }
        abandon();
        return false;
    }

    /** Gives up on the running tasks: their outcomes are not written, and they are interrupted. */
    private void abandon() {
        abandoned = true;
        inFlight.forEach(future -> future.cancel(true));
    }

    private void loop() {
        Duration pollInterval = runtime.config().pollInterval();
        String node = runtime.config().node();
        FailureStreak failures = new FailureStreak();
        LOG.info(() -> "taskq worker for queue '" + queue + "' started on node " + node + " with concurrency " + concurrency);
        while (running) {
            try {
                int free = slots.availablePermits();
                if (free == 0) {
                    await(pollInterval);
                    continue;
                }
                List<ClaimedTask> claimed = runtime.repository().claim(queue, free, node, runtime.clock().instant());
                if (failures.succeeded()) {
                    LOG.info(() -> "taskq worker for queue '" + queue + "' reaches the database again; claiming resumes");
                }
                claimed.forEach(this::submit);
                if (claimed.size() < free) {
                    await(pollInterval);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                if (failures.failed()) {
                    LOG.log(Level.WARNING, "taskq worker for queue '" + queue + "' cannot claim tasks: " + e.getMessage()
                            + ". It keeps trying, pausing up to " + FailureStreak.MAX_PAUSE.toSeconds() + "s between attempts.", e);
                }
                try {
                    await(failures.pause(pollInterval));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        LOG.info(() -> "taskq worker for queue '" + queue + "' stopped claiming");
    }

    private void submit(ClaimedTask task) {
        if (!running || !slots.tryAcquire()) {
            release(task);
            return;
        }
        try {
            heartbeat.started(task.id());
            CompletableFuture<Future<?>> self = new CompletableFuture<>();
            Future<?> future = executor.submit(() -> {
                try {
                    runner.run(task, () -> abandoned);
                } finally {
                    heartbeat.finished(task.id());
                    self.thenAccept(inFlight::remove);
                    slots.release();
                    wakeUp();
                }
            });
            inFlight.add(future);
            self.complete(future);
        } catch (RejectedExecutionException e) {
            heartbeat.finished(task.id());
            slots.release();
            release(task);
        }
    }

    /** A task claimed but not started goes back to waiting, so that a stopping node loses nothing. */
    private void release(ClaimedTask task) {
        try {
            runtime.repository().release(task.id(), runtime.config().node());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not give back unstarted task " + task.id() + " (" + task.name()
                    + "); it stays started and will show as dirty", e);
        }
    }

    private void await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            while (!woken && running) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(signal, remaining);
            }
            woken = false;
        }
    }
}
