package dev.taskq.it.badinput;

import dev.taskq.Task;

/** Has a @Task method but no bean-defining annotation, so in an annotated archive it is no CDI bean. */
public class NotABean {

    @Task
    public void work(String key) {
    }
}
