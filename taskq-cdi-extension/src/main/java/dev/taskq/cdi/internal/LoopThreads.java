package dev.taskq.cdi.internal;

import jakarta.enterprise.concurrent.ManagedThreadFactory;

/**
 * Starts taskq's long-lived loops (claiming, heartbeat, listening) on threads of their own from a
 * {@link ManagedThreadFactory}. Never on the ManagedExecutorService: each loop would hold one of its
 * pool threads for the application's lifetime, and on a small server (Open Liberty starts with two
 * threads per CPU) the tasks, timers and requests queued behind them would stall.
 */
final class LoopThreads {

    private LoopThreads() {
    }

    /** A started thread named {@code name} (thread dumps show it) that runs {@code loop}. */
    static Thread start(ManagedThreadFactory threads, String name, Runnable loop) {
        Thread thread = threads.newThread(loop);
        thread.setName(name);
        thread.start();
        return thread;
    }
}
