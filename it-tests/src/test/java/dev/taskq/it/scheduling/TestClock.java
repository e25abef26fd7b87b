package dev.taskq.it.scheduling;

import dev.taskq.it.support.SettableClock;
import dev.taskq.spi.TaskqClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Gives taskq the test's clock (the @TaskqClock SPI). */
@ApplicationScoped
public class TestClock {

    static final SettableClock CLOCK = new SettableClock();

    @Produces
    @TaskqClock
    Clock clock() {
        return CLOCK;
    }
}
