package dev.taskq.cdi.internal;

import dev.taskq.Retry;
import dev.taskq.jpa.internal.ClaimedTask;
import dev.taskq.jpa.internal.JdbcTaskRepository;
import dev.taskq.jpa.internal.TaskDataAccessException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one claimed task to its end: the call and the delete of its row in one JTA transaction,
 * so the task's own database work and its removal commit together (or, with batched completion,
 * the call alone, its row deleted by {@link BatchedCompletion} after the commit); on failure a
 * retry or a failed row. Never throws: a broken row becomes a failed task, never a dead worker.
 *
 * <p>One per node, made by {@link WorkerPool} when the workers start. Not a bean on purpose: it runs for every
 * task, and it holds the runtime's plain objects (configuration, registry, codec, clock, repository) instead of
 * going through a CDI client proxy for each of them, several times per task.
 */
final class TaskRunner {

    private static final Logger LOG = Logger.getLogger(TaskRunner.class.getName());

    private final TaskqRuntime runtime;
    private final TaskMethodCaller caller;
    private final BatchedCompletion batchedCompletion;
    private final TaskqConfig config;
    private final TaskRegistry registry;
    private final ArgumentCodec codec;
    private final Clock clock;
    private final String node;
    private volatile JdbcTaskRepository repository;
    private volatile UserTransaction transaction;

    TaskRunner(TaskqRuntime runtime, TaskInvoker invoker, BatchedCompletion batchedCompletion) {
        this.runtime = runtime;
        this.caller = invoker.caller();
        this.batchedCompletion = batchedCompletion;
        this.config = runtime.config();
        this.registry = runtime.registry();
        this.codec = runtime.codec();
        this.clock = runtime.clock();
        this.node = config.node();
    }

    /**
     * @param abandoned true once the node stopped waiting for this task (shutdown timeout): its
     *                  outcome is then not written, so the row stays started and turns dirty
     */
    void run(ClaimedTask claimed, BooleanSupplier abandoned) {
        try {
            Instant now = clock.instant();
            if (claimed.expiredAt(now)) {
                repository().delete(claimed.id(), node);
                LOG.info(() -> "Task " + claimed.id() + " (" + claimed.name() + ") expired at " + claimed.expiresAt() + " before it ran; deleted unrun");
                return;
            }
            Optional<TaskDefinition> task = registry.byName(claimed.name());
            if (task.isEmpty()) {
                fail(claimed, TaskqMessages.unknownTask(claimed.name()), null);
                return;
            }
            Object[] arguments;
            try {
                arguments = codec.decode(task.get(), claimed.args());
            } catch (IllegalArgumentException e) {
                fail(claimed, TaskqMessages.argumentsNotReadable(claimed.name(), e.getMessage()), stackTrace(e));
                return;
            }
            try {
                callAndDelete(task.get(), claimed, arguments, abandoned);
            } catch (Throwable error) {
                if (abandoned.getAsBoolean()) {
                    LOG.warning(() -> "Task " + claimed.id() + " (" + claimed.name() + ") was still running when the node stopped"
                            + " waiting for it; its work is rolled back and its row stays started, so it shows as dirty.");
                    return;
                }
                afterFailure(task.get(), claimed, unwrap(error));
            }
        } catch (TaskDataAccessException e) {
            // the database is away: one line per task, whose id a person needs; the worker's own warning has the stack trace
            LOG.warning(() -> "Could not record the outcome of task " + claimed.id() + " (" + claimed.name() + "): " + e.getMessage()
                    + ". Its row stays started and turns dirty; check whether its work happened, then retry or delete it from the console.");
            LOG.log(Level.FINE, "The outcome of task " + claimed.id() + " was not recorded", e);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not record the outcome of task " + claimed.id() + " (" + claimed.name()
                    + "). Its row stays started and will show as dirty; retry or delete it from the console.", e);
        }
    }

    private void callAndDelete(TaskDefinition task, ClaimedTask claimed, Object[] arguments, BooleanSupplier abandoned) throws Exception {
        boolean batched = config.completion(claimed.queue()) == Completion.BATCHED;
        UserTransaction tx = transaction();
        tx.begin();
        try {
            caller.call(task, arguments);
            if (abandoned.getAsBoolean()) {
                throw new IllegalStateException("abandoned at shutdown");
            }
            if (!batched && !repository().delete(claimed.id(), node)) {
                // Someone retried or deleted the row while it looked dirty; it is no longer ours to complete.
                throw new LostTaskException(claimed.id(), claimed.name(), node);
            }
        } catch (Throwable error) {
            try {
                if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                    tx.rollback();
                }
            } catch (Exception rollbackError) {
                // a lost connection fails the rollback too; the task's own error is what the row must show
                error.addSuppressed(rollbackError);
            }
            throw error;
        }
        tx.commit(); // a RollbackException here (e.g. a constraint the task violated at flush) is a failed run
        if (batched) {
            batchedCompletion.completed(claimed.id());
        }
    }

    private void afterFailure(TaskDefinition task, ClaimedTask claimed, Throwable error) {
        if (error instanceof LostTaskException) {
            LOG.warning(error.getMessage());
            return;
        }
        Instant now = clock.instant();
        Optional<Instant> retryAt = RetryPolicy.retryAt(task.settings(), claimed.retries(), error, now);
        Throwable reported = error instanceof Retry && error.getCause() != null ? error.getCause() : error;
        if (retryAt.isPresent()) {
            repository().scheduleRetry(claimed.id(), node, retryAt.get(), errorLine(reported), stackTrace(reported));
            LOG.fine(() -> "Task " + claimed.id() + " (" + claimed.name() + ") will be retried at " + retryAt.get() + " after " + errorLine(reported));
        } else {
            fail(claimed, errorLine(reported), stackTrace(reported));
        }
    }

    private void fail(ClaimedTask claimed, String error, String traceback) {
        repository().markFailed(claimed.id(), node, error, traceback, clock.instant());
        LOG.warning(() -> "Task " + claimed.id() + " (" + claimed.name() + ") failed and is kept for inspection: " + error);
    }

    /** Looked up on first use, as {@link TaskqRuntime#repository()} is, so a node without a database still deploys. */
    private JdbcTaskRepository repository() {
        JdbcTaskRepository current = repository;
        if (current == null) {
            current = runtime.repository();
            repository = current;
        }
        return current;
    }

    private UserTransaction transaction() {
        UserTransaction tx = transaction;
        if (tx == null) {
            tx = TaskqRuntime.lookup("java:comp/UserTransaction", "the JTA UserTransaction");
            transaction = tx;
        }
        return tx;
    }

    private static Throwable unwrap(Throwable error) {
        if (error instanceof RollbackException && error.getCause() != null) {
            return error.getCause();
        }
        return error;
    }

    private static String errorLine(Throwable error) {
        String message = error.getMessage();
        String line = error.getClass().getName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
        return line.length() > 2000 ? line.substring(0, 2000) : line;
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
