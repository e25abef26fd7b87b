package dev.taskq.it.badinput;

/** A record: fine as a Pair parameter, lossy as an Object parameter (it reads back as a Map). */
public record Pair(String left, String right) {
}
