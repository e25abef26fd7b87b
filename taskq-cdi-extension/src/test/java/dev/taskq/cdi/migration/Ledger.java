package dev.taskq.cdi.migration;

import dev.taskq.Task;
import jakarta.enterprise.context.ApplicationScoped;

/** The application's one task: a deployment with something for taskq to find. */
@ApplicationScoped
public class Ledger {

    @Task
    public void record(String entry) {
    }
}
