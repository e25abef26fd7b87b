package dev.taskq.cdi.internal;

import dev.taskq.jpa.internal.WakeUpChannel;
import dev.taskq.jpa.internal.WakeUpChannel.DriverNotVisibleException;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Listens for the wake-ups that enqueues on any node send when they commit ({@link CommitWakeUp}),
 * and wakes this node's worker of the named queue, so an idle worker starts a task enqueued
 * elsewhere within milliseconds. Holds one connection of the datasource while it listens; a lost
 * connection is logged once and opened again with a growing pause. Polling covers the gap.
 */
final class WakeUpListener {

    private static final Logger LOG = Logger.getLogger(WakeUpListener.class.getName());
    private static final Duration WAIT = Duration.ofSeconds(1);

    private final TaskqRuntime runtime;
    private final Consumer<String> wakeUp;
    private final Object signal = new Object();
    private volatile boolean listening = true;
    private volatile boolean endedOnPurpose;
    private Thread loop;

    WakeUpListener(TaskqRuntime runtime, Consumer<String> wakeUp) {
        this.runtime = runtime;
        this.wakeUp = wakeUp;
    }

    void start(ManagedThreadFactory threads) {
        loop = LoopThreads.start(threads, "taskq-wake-up-listener", this::loop);
    }

    /** True while the loop runs as it should, or ended on purpose (stopped, or listening is impossible here); false if it died. */
    boolean alive() {
        return loop == null || loop.isAlive() || !listening || endedOnPurpose;
    }

    /** Stops listening and waits until the connection is given back: within about a second. */
    void stop() {
        listening = false;
        synchronized (signal) {
            signal.notifyAll();
        }
        if (loop != null) {
            try {
                loop.join(WAIT.multipliedBy(3).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        FailureStreak failures = new FailureStreak();
        while (listening) {
            try (WakeUpChannel.Listener listener = WakeUpChannel.listen(runtime.dataSource())) {
                if (failures.succeeded()) {
                    LOG.info(TaskqMessages.listeningAgain());
                }
                while (listening) {
                    // a set: many enqueues to one queue wake its worker once
                    new HashSet<>(listener.await(WAIT)).forEach(wakeUp);
                }
            } catch (DriverNotVisibleException e) {
                LOG.info(TaskqMessages.cannotListen(e.getMessage()));
                endedOnPurpose = true;
                return;
            } catch (SQLException | RuntimeException e) {
                if (!listening) {
                    return;
                }
                if (failures.failed()) {
                    LOG.log(Level.WARNING, TaskqMessages.listeningLost(e.getMessage()), e);
                }
                if (!pause(failures.pause(WAIT))) {
                    return;
                }
            }
        }
        endedOnPurpose = true;
    }

    private boolean pause(Duration pause) {
        synchronized (signal) {
            try {
                if (listening) {
                    TimeUnit.NANOSECONDS.timedWait(signal, pause.toNanos());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return listening;
    }
}
