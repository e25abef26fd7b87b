package dev.taskq.it.badinput;

/** JSON-B cannot write it: its only property throws. */
public class Unwritable {

    public String getSecret() {
        throw new IllegalStateException("not readable");
    }
}
