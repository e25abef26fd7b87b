package dev.taskq.cdi.health;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Plain threads standing in for the server's ManagedThreadFactory, kept so a test can find a loop's
 * thread by name and see what ended it. An uncaught throwable is recorded instead of printed.
 */
final class RecordingThreadFactory implements ManagedThreadFactory {

    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final Map<String, Throwable> deaths = new ConcurrentHashMap<>();

    @Override
    public Thread newThread(Runnable runnable) {
        Thread thread = new Thread(runnable);
        thread.setUncaughtExceptionHandler((dead, error) -> deaths.put(dead.getName(), error));
        threads.add(thread);
        return thread;
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
        throw new UnsupportedOperationException("taskq runs no fork-join pool");
    }

    /** The thread that now carries {@code name} (taskq names its loops' threads once created). */
    Thread named(String name) {
        return threads.stream().filter(thread -> thread.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no thread " + name + " among " + threads));
    }

    /** What ended the thread {@code name} by being thrown out of it, if anything did. */
    Optional<Throwable> deathOf(String name) {
        return Optional.ofNullable(deaths.get(name));
    }
}
