package dev.taskq.cdi.internal;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Proves that this node's running tasks are alive: once per {@code taskq.heartbeat-interval} one
 * statement sets {@code alive_at} of all of them. Its own short autocommit statement, which skips
 * rows locked by their task's own committing transaction instead of waiting for them, so it never
 * waits for a task's transaction; a task whose heartbeat stops (the node died or lost the
 * database) turns dirty after {@code taskq.dirty-after}.
 */
final class Heartbeat {

    private static final Logger LOG = Logger.getLogger(Heartbeat.class.getName());

    private final TaskqRuntime runtime;
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();
    private volatile boolean beating = true;
    private Thread loop;

    Heartbeat(TaskqRuntime runtime) {
        this.runtime = runtime;
    }

    void start(ManagedThreadFactory threads) {
        loop = LoopThreads.start(threads, "taskq-heartbeat", this::loop);
    }

    void started(UUID taskId) {
        running.add(taskId);
    }

    void finished(UUID taskId) {
        running.remove(taskId);
    }

    /** True while the loop runs as it should; false if it died. */
    boolean alive() {
        return loop == null || loop.isAlive() || !beating;
    }

    void stop() {
        beating = false;
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void loop() {
        Duration interval = runtime.config().heartbeatInterval();
        String node = runtime.config().node();
        FailureStreak failures = new FailureStreak();
        while (beating) {
            try {
                synchronized (signal) {
                    TimeUnit.NANOSECONDS.timedWait(signal, interval.toNanos());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!beating || running.isEmpty()) {
                continue;
            }
            try {
                runtime.repository().heartbeat(node, List.copyOf(running), runtime.clock().instant());
                if (failures.succeeded()) {
                    LOG.info("taskq heartbeat reaches the database again");
                }
            } catch (RuntimeException e) {
                // no backoff: the sooner a beat gets through, the fewer running tasks look dirty
                if (failures.failed()) {
                    LOG.log(Level.WARNING, e.getMessage() + " The heartbeat keeps trying every " + interval + ".", e);
                }
            }
        }
    }
}
