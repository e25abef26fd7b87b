package dev.taskq.it.arguments;

/** A record argument. */
public record Point(int x, int y, String label) {
}
