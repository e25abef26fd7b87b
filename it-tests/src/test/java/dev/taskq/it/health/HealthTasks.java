package dev.taskq.it.health;

import dev.taskq.Task;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

@ApplicationScoped
public class HealthTasks {

    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @Task
    public void hold() throws InterruptedException {
        RELEASE.await(60, TimeUnit.SECONDS);
    }

    @Task
    public void fail() {
        throw new IllegalStateException("broken on purpose");
    }

    @Task(queue = "elsewhere")
    public void elsewhere() {
    }
}
