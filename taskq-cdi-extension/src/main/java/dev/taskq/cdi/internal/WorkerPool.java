package dev.taskq.cdi.internal;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * The node's workers: one {@link QueueWorker} per configured queue running its tasks on the configured
 * ManagedExecutorService, the {@link Heartbeat} and the {@link WakeUpListener}, whose loops run on
 * threads of the configured ManagedThreadFactory.
 */
@ApplicationScoped
public class WorkerPool {

    private static final Logger LOG = Logger.getLogger(WorkerPool.class.getName());

    @Inject
    TaskqRuntime runtime;

    @Inject
    TaskInvoker invoker;

    @Inject
    BatchedCompletion batchedCompletion;

    private final List<QueueWorker> workers = new CopyOnWriteArrayList<>();
    private volatile Heartbeat heartbeat;
    private volatile WakeUpListener listener;
    private final Map<String, QueueWorker> byQueue = new ConcurrentHashMap<>();

    synchronized void start() {
        TaskqConfig config = runtime.config();
        if (!config.workerEnabled()) {
            LOG.info(() -> "taskq workers are off (" + TaskqConfig.WORKER_ENABLED + "=false): this node only enqueues");
            return;
        }
        ManagedExecutorService executor = TaskqRuntime.lookup(config.executor(), TaskqConfig.EXECUTOR);
        ManagedThreadFactory threads = TaskqRuntime.lookup(config.threadFactory(), TaskqConfig.THREAD_FACTORY);
        TaskRunner runner = new TaskRunner(runtime, invoker, batchedCompletion);
        heartbeat = new Heartbeat(runtime);
        heartbeat.start(threads);
        config.concurrencyByQueue().forEach((queue, concurrency) -> {
            QueueWorker worker = new QueueWorker(queue, concurrency, runtime, runner, executor, heartbeat);
            workers.add(worker);
            byQueue.put(queue, worker);
            worker.start(threads);
        });
        if (config.notifyEnabled()) {
            listener = new WakeUpListener(runtime, this::wakeUp);
            listener.start(threads);
        }
    }

    /** The queues whose claim loop or whose heartbeat has died; empty when the workers are healthy. */
    public List<String> deadLoops() {
        List<String> dead = new ArrayList<>();
        workers.stream().filter(worker -> !worker.alive()).forEach(worker -> dead.add("worker of queue " + worker.queue()));
        if (heartbeat != null && !heartbeat.alive()) {
            dead.add("heartbeat");
        }
        if (listener != null && !listener.alive()) {
            dead.add("wake-up listener");
        }
        return dead;
    }

    /** Wakes this node's worker of {@code queue}, if it has one: a task for it has just been committed. */
    void wakeUp(String queue) {
        QueueWorker worker = byQueue.get(queue);
        if (worker != null) {
            worker.wakeUp();
        }
    }

    /** Stops claiming and waits up to {@code taskq.shutdown-timeout} for running tasks. */
    @PreDestroy
    public synchronized void stop() {
        if (workers.isEmpty()) {
            return;
        }
        workers.forEach(QueueWorker::stopClaiming);
        if (listener != null) {
            listener.stop();
        }
        long deadline = System.nanoTime() + runtime.config().shutdownTimeout().toNanos();
        boolean idle = true;
        try {
            for (QueueWorker worker : workers) {
                idle &= worker.awaitIdle(deadline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            idle = false;
        }
        // Tasks still running from here on stop beating and turn dirty: never silently lost.
        heartbeat.stop();
        if (!idle) {
            LOG.warning(() -> "taskq stopped with tasks still running after " + TaskqConfig.SHUTDOWN_TIMEOUT + "="
                    + runtime.config().shutdownTimeout() + "; they will show as dirty: retry or delete them from the console");
        }
        workers.clear();
        byQueue.clear();
    }
}
