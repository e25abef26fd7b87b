/**
 * The taskq public API: declare a task with {@link dev.taskq.Task}, enqueue it with
 * {@link dev.taskq.TaskQueue}. Everything in this package is a stable contract.
 */
package dev.taskq;
