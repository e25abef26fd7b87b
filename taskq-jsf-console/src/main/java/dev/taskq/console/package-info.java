/**
 * The Jakarta Faces admin console at {@code /taskq/}: the five groups per task, a filtered and paged
 * list of each group, every field of one task, and "retry now" and delete on one task, a selection
 * or everything a filter matches.
 *
 * <p>A web fragment: adding the jar to {@code WEB-INF/lib} adds the pages, a security constraint that
 * asks for a logged-in user, and {@link dev.taskq.console.ConsoleRoleFilter}, which answers 403 unless
 * the user has the role {@code taskq.console.role} (default {@code taskq-admin}). The backing beans
 * read and act only through {@code dev.taskq.cdi.internal.TaskConsole}. Nothing here is API.
 */
package dev.taskq.console;
