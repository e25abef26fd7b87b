/**
 * The task table as JPA sees it. {@link dev.taskq.jpa.TaskEntity} is public API for reading;
 * {@code dev.taskq.jpa.internal} holds the SQL and is not.
 */
package dev.taskq.jpa;
