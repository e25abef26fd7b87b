/**
 * taskq's CDI integration. Only {@link dev.taskq.cdi.TaskqExtension} is public, because
 * ServiceLoader needs it; {@code dev.taskq.cdi.internal} is not API.
 */
package dev.taskq.cdi;
