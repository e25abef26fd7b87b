package dev.taskq.cdi.internal;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code taskq.completion=batched}: the node's one flusher. Tasks whose calls have committed hand their ids
 * here; a loop deletes them in one statement per batch, a few milliseconds after the first of a batch arrived.
 * If the database cannot be reached the ids are kept and retried; if the node dies first, those rows stay
 * started and turn dirty, although their calls committed (the documented trade of batched mode). Thread-safe.
 */
@ApplicationScoped
public class BatchedCompletion {

    private static final Logger LOG = Logger.getLogger(BatchedCompletion.class.getName());
    /** How long the first id of a batch waits for others: short against dirty-after, long against a statement. */
    static final Duration LINGER = Duration.ofMillis(5);
    /** The most ids one statement deletes. */
    static final int MAX_BATCH = 1000;

    @Inject
    TaskqRuntime runtime;

    private final Object lock = new Object();
    private List<UUID> pending = new ArrayList<>();
    private boolean started;
    private boolean stopped;

    /** A task of this node whose call has committed: its row goes with the next batch. */
    void completed(UUID taskId) {
        synchronized (lock) {
            if (!stopped) {
                pending.add(taskId);
                if (!started) {
                    start();
                }
                if (pending.size() == 1 || pending.size() >= MAX_BATCH) {
                    lock.notifyAll(); // the loop waits for a first id, then for a full batch
                }
                return;
            }
        }
        runtime.repository().deleteCompleted(List.of(taskId), runtime.config().node()); // stopping: no loop left
    }

    /** Deletes what is pending and stops the loop; later completions are deleted one by one. */
    @PreDestroy
    void stop() {
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
        List<UUID> rest = take();
        try {
            delete(rest);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e.getMessage(), e);
        }
    }

    private void start() {
        ManagedExecutorService executor = TaskqRuntime.lookup(runtime.config().executor(), TaskqConfig.EXECUTOR);
        executor.submit(this::loop);
        started = true;
    }

    private void loop() {
        Duration retryPause = runtime.config().pollInterval();
        boolean failing = false;
        while (true) {
            List<UUID> batch;
            try {
                batch = next();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (batch == null) {
                return;
            }
            try {
                delete(batch);
                if (failing) {
                    LOG.info("taskq reaches the database again; batched completions are written");
                    failing = false;
                }
            } catch (RuntimeException e) {
                synchronized (lock) {
                    pending.addAll(0, batch);
                }
                if (!failing) {
                    LOG.log(Level.WARNING, e.getMessage() + " Retrying every " + retryPause + ".", e);
                    failing = true;
                }
                try {
                    Thread.sleep(retryPause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Waits for a first id, lingers for more, then takes the batch. @return null once stopped */
    private List<UUID> next() throws InterruptedException {
        synchronized (lock) {
            while (pending.isEmpty() && !stopped) {
                lock.wait();
            }
            if (stopped) {
                return null;
            }
            long deadline = System.nanoTime() + LINGER.toNanos();
            long remaining;
            while (pending.size() < MAX_BATCH && !stopped && (remaining = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(lock, remaining);
            }
        }
        return take();
    }

    private List<UUID> take() {
        synchronized (lock) {
            List<UUID> batch = pending;
            pending = new ArrayList<>();
            return batch;
        }
    }

    private void delete(List<UUID> ids) {
        String node = runtime.config().node();
        for (int from = 0; from < ids.size(); from += MAX_BATCH) {
            runtime.repository().deleteCompleted(ids.subList(from, Math.min(ids.size(), from + MAX_BATCH)), node);
        }
    }
}
