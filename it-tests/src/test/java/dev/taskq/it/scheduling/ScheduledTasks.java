package dev.taskq.it.scheduling;

import dev.taskq.Retry;
import dev.taskq.Task;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Tasks that count their runs by key and fail in the ways the retry policy cares about. */
@ApplicationScoped
public class ScheduledTasks {

    static final Map<String, Integer> RUNS = new ConcurrentHashMap<>();

    static int runs(String key) {
        return RUNS.getOrDefault(key, 0);
    }

    private static void ran(String key) {
        RUNS.merge(key, 1, Integer::sum);
    }

    /** Lets a test hold a task while it runs. */
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @Task
    public void remind(String key) {
        ran(key);
    }

    @Task
    public void block(String key) throws InterruptedException {
        ran(key);
        RELEASE.await(30, TimeUnit.SECONDS);
    }

    @Task(name = "reports.nightly", queue = "reports")
    public void nightlyReport(String key, int day) {
        ran(key);
    }

    @Task(autoretryFor = IOException.class, retryBackoff = 1, retryBackoffMax = 3, retryJitter = false, maxRetries = 3)
    public void unreachable(String key) throws IOException {
        ran(key);
        throw new IOException("gateway unreachable for " + key);
    }

    @Task(autoretryFor = IOException.class, dontAutoretryFor = FileNotFoundException.class, countdown = 60)
    public void fileMissing(String key) throws IOException {
        ran(key);
        throw new FileNotFoundException("no such file for " + key);
    }

    @Task(autoretryFor = IOException.class, countdown = 60)
    public void subclassOfListed(String key) throws IOException {
        ran(key);
        throw new FileNotFoundException("still missing for " + key);
    }

    @Task
    public void retryByHand(String key) {
        ran(key);
        throw new Retry().because(new IOException("busy " + key));
    }

    @Task
    public void retryAfterThirty(String key) {
        ran(key);
        throw Retry.after(Duration.ofSeconds(30)).maxRetries(1);
    }

    /** Its queue ("annotated" in the annotation) is set to "configured" by configuration; no worker of this node takes either. */
    @Task(queue = "annotated")
    public void configuredQueue(String key) {
        ran(key);
    }

    /** Its countdown (10 s in the annotation) is set to 45 s by configuration. */
    @Task(autoretryFor = IllegalStateException.class, countdown = 10)
    public void configuredCountdown(String key) {
        ran(key);
        throw new IllegalStateException("still broken " + key);
    }

    /** No backoff in the annotation (so the 10 s countdown); configuration sets a backoff of 4 s, capped at 6 s. */
    @Task(autoretryFor = IllegalStateException.class, countdown = 10, retryJitter = false)
    public void configuredBackoff(String key) {
        ran(key);
        throw new IllegalStateException("still broken " + key);
    }

    /** Its max-retries (3 in the annotation) is set to 1 by configuration. */
    @Task(autoretryFor = IllegalStateException.class, countdown = 10)
    public void configured(String key) {
        ran(key);
        throw new IllegalStateException("still broken " + key);
    }
}
