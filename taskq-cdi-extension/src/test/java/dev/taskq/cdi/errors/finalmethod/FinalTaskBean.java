package dev.taskq.cdi.errors.finalmethod;

import dev.taskq.Task;
import jakarta.enterprise.context.Dependent;

/** {@code @Dependent}, so that Weld itself has no reason to object to the final method. */
@Dependent
public class FinalTaskBean {

    @Task
    public final void cleanUp() {
    }
}
