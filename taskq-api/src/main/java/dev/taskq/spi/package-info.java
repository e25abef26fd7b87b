/**
 * What integrators may provide to taskq: replaceable parts such as the {@link dev.taskq.spi.TaskqClock}.
 */
package dev.taskq.spi;
