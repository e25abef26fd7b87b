package dev.taskq.cdi.internal;

import dev.taskq.jpa.internal.ClaimedTask;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The loop of one queue on one node: claims as many due tasks as it has free slots, in one
 * statement, hands each to the executor, and sleeps until a slot frees up, a wake-up arrives or
 * the poll interval passes. A database error is logged once and retried with a growing pause;
 * the loop never dies of it.
 *
 * <p>While its tasks are short (a moving average under {@link #SHORT_TASK}), the loop also claims up to
 * {@code concurrency} tasks ahead, kept claimed (started, beating) until a slot frees, and claims again only
 * when half of those are gone: one claim statement then serves many tasks instead of one, as with
 * db-scheduler's lock-and-fetch. Long tasks are never held ahead, so an idle node can take them.
 *
 * <p>A task handed to the executor keeps its slot when it ends and runs the next task claimed ahead, if there is
 * one: a busy queue's executor threads go from task to task, and the executor's submit (which captures and
 * applies the application's thread context, a cost of the order of the whole task's for a short one) is paid
 * once per run of tasks instead of once per task. When nothing is claimed ahead but the last claim found as many
 * due tasks as it asked for, the thread waits up to {@link #LINGER} for the next claim before it goes back to the
 * executor: on a busy queue the claim under way refills the tasks claimed ahead within a few milliseconds, and a
 * run that ended for lack of them would cost a new submit. Otherwise the thread goes back at once, so an idle node
 * holds no thread.
 */
final class QueueWorker {

    private static final Logger LOG = Logger.getLogger(QueueWorker.class.getName());
    /** Tasks shorter than this on average are claimed ahead of free slots. */
    static final Duration SHORT_TASK = Duration.ofMillis(20);
    /** How long an executor thread with nothing left to run waits for the claim under way on a busy queue. */
    static final Duration LINGER = Duration.ofMillis(10);

    private final String queue;
    private final int concurrency;
    private final TaskqRuntime runtime;
    private final TaskRunner runner;
    private final ManagedExecutorService executor;
    private final Heartbeat heartbeat;
    private final Semaphore slots;
    private final Object signal = new Object();
    /** Notified when claimed tasks arrive in {@link #ready}, for the executor threads that linger. */
    private final Object arrivals = new Object();
    /** True while the last claim found as many due tasks as it asked for: more are likely due. */
    private volatile boolean lastClaimFull;
    private volatile boolean running = true;
    private volatile boolean abandoned;
    private final BooleanSupplier abandonment = () -> abandoned;
    private final Set<Future<?>> inFlight = ConcurrentHashMap.newKeySet();
    /** Claimed ahead, not started yet: the loop adds, the loop and the running tasks' threads take. */
    private final Queue<ClaimedTask> ready = new ConcurrentLinkedQueue<>();
    /** How many are in {@link #ready}; a concurrent queue's size() walks it. */
    private final AtomicInteger readyCount = new AtomicInteger();
    /** The loop claims again once {@link #readyCount} falls to this (or below); the threads that take tell it then. */
    private volatile int claimAgainAt;
    /**
     * Tasks claimed and not yet ended or given back: waiting in {@link #ready}, handed to the executor, or running.
     * Never more than {@code concurrency} plus the tasks claimed ahead, so that a node that loses the database
     * holds no more tasks than that, all of which may then turn dirty.
     */
    private final AtomicInteger claimedCount = new AtomicInteger();
    /** A moving average of how long this queue's tasks run; racy updates are fine for a heuristic. */
    private volatile long averageRunNanos = Long.MAX_VALUE;
    private boolean woken;
    private boolean slotFreed;
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

    /** A slot is free: start a task claimed ahead, or claim. */
    private void slotFreed() {
        synchronized (signal) {
            slotFreed = true;
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
        tasksArrived();
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
        boolean drained = false;
        LOG.info(() -> "taskq worker for queue '" + queue + "' started on node " + node + " with concurrency " + concurrency);
        while (running) {
            try {
                startReady();
                int ahead = averageRunNanos < SHORT_TASK.toNanos() ? concurrency : 0;
                claimAgainAt = ahead / 2;
                int waiting = readyCount.get();
                int capacity = concurrency + ahead - claimedCount.get();
                if (drained || capacity <= 0 || waiting > ahead / 2) {
                    drained = await(pollInterval) ? false : drained;
                    continue;
                }
                List<ClaimedTask> claimed = runtime.repository().claim(queue, capacity, node, runtime.clock().instant());
                if (failures.succeeded()) {
                    LOG.info(() -> "taskq worker for queue '" + queue + "' reaches the database again; claiming resumes");
                }
                claimed.forEach(task -> heartbeat.started(task.id()));
                claimedCount.addAndGet(claimed.size());
                readyCount.addAndGet(claimed.size()); // before the tasks are there to take: the count never goes below zero
                ready.addAll(claimed);
                drained = claimed.size() < capacity;
                lastClaimFull = !drained;
                tasksArrived();
                startReady();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                lastClaimFull = false;
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
        ClaimedTask unstarted;
        while ((unstarted = takeReady()) != null) {
            ended(unstarted);
            release(unstarted);
        }
        LOG.info(() -> "taskq worker for queue '" + queue + "' stopped claiming");
    }

    /** Starts tasks claimed ahead while slots are free. */
    private void startReady() {
        while (running && readyCount.get() > 0 && slots.tryAcquire()) {
            ClaimedTask task = takeReady();
            if (task == null) { // a running task's thread took the last one first
                slots.release();
                return;
            }
            submit(task);
        }
    }

    /** The next task claimed ahead, or null; tells the loop when so few are left that it should claim again. */
    private ClaimedTask takeReady() {
        ClaimedTask task = ready.poll();
        if (task != null && readyCount.decrementAndGet() <= claimAgainAt) {
            slotFreed();
        }
        return task;
    }

    /** The next task for an executor thread that has just run one; null when it should go back to the executor. */
    private ClaimedTask nextInRun() {
        ClaimedTask task = takeReady();
        if (task != null || !busy()) {
            return task;
        }
        long deadline = System.nanoTime() + LINGER.toNanos();
        synchronized (arrivals) {
            while ((task = takeReady()) == null && running && !abandoned && busy()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return null;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(arrivals, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // abandoned at shutdown: the run ends
                    return null;
                }
            }
        }
        return task;
    }

    /** Short tasks and a last claim that was full: the loop is claiming ahead and more tasks are due. */
    private boolean busy() {
        return lastClaimFull && averageRunNanos < SHORT_TASK.toNanos();
    }

    private void tasksArrived() {
        synchronized (arrivals) {
            arrivals.notifyAll();
        }
    }

    /**
     * Runs a claimed task on the executor, then the tasks claimed ahead while there are any; the caller holds a
     * slot for it, which the executor's thread gives back when it has nothing left to run.
     */
    private void submit(ClaimedTask first) {
        try {
            CompletableFuture<Future<?>> self = new CompletableFuture<>();
            Future<?> future = executor.submit(() -> {
                try {
                    ClaimedTask task = first;
                    while (task != null) {
                        runOne(task);
                        Thread.interrupted(); // a task's stray interrupt must not reach the next one; abandon() is read below
                        task = running && !abandoned ? nextInRun() : null;
                    }
                } finally {
                    self.thenAccept(inFlight::remove);
                    slots.release();
                    slotFreed();
                }
            });
            inFlight.add(future);
            self.complete(future);
        } catch (RejectedExecutionException e) {
            ended(first);
            slots.release();
            release(first);
        }
    }

    private void runOne(ClaimedTask task) {
        long started = System.nanoTime();
        try {
            runner.run(task, abandonment);
        } finally {
            ended(task);
            long average = averageRunNanos;
            long took = System.nanoTime() - started;
            averageRunNanos = average == Long.MAX_VALUE ? took : average + (took - average) / 8;
        }
    }

    /** A claimed task has run, or is given back: it no longer beats, nor counts against what the loop may claim. */
    private void ended(ClaimedTask task) {
        heartbeat.finished(task.id());
        claimedCount.decrementAndGet();
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

    /** Waits for a wake-up, a freed slot or the timeout. @return true unless only a slot was freed: new tasks may be due */
    private boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            while (!woken && !slotFreed && running) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(signal, remaining);
            }
            boolean mayBeDue = woken || !slotFreed;
            woken = false;
            slotFreed = false;
            return mayBeDue;
        }
    }
}
