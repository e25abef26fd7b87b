/**
 * The implementation of taskq's CDI integration: the task registry, the queue, the worker pool.
 * Public only for technical reasons: API stability in this package is <strong>not</strong> guaranteed.
 */
package dev.taskq.cdi.internal;
