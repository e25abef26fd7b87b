package dev.taskq.jpa.internal;

/**
 * Every statement taskq runs on the task table, in one place. PostgreSQL dialect.
 * The binds are listed next to each statement in the order they are set.
 */
final class TaskSql {

    private TaskSql() {
    }

    /** id, name, queue, args, created_at, execute_at, expires_at */
    static final String INSERT = """
            INSERT INTO taskq_task (id, name, queue, args, created_at, execute_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    /**
     * Many rows in one statement: one array per column, unnested into rows. One parse, one plan and one round
     * trip for the whole batch, where a JDBC batch of {@link #INSERT} executes row by row on the server.
     * Binds (arrays of equal length): id uuid[], name text[], queue text[], args text[], created_at, execute_at,
     * expires_at as timestamptz[] (text elements in ISO 8601).
     */
    static final String INSERT_MANY = """
            INSERT INTO taskq_task (id, name, queue, args, created_at, execute_at, expires_at)
            SELECT * FROM unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[])""";

    /**
     * The lease: takes up to n due tasks of one queue, oldest first, skipping rows other workers
     * hold, and marks them started in the same statement. Uses {@code taskq_task_due_idx}.
     * The picked ids are a MATERIALIZED common table expression, evaluated once: as
     * {@code WHERE id IN (SELECT ... LIMIT n FOR UPDATE SKIP LOCKED)} the planner may run the
     * subquery again for each row it joins, and with SKIP LOCKED each run can pick other rows, so
     * one statement could claim more than n.
     * Binds: queue, now, limit, started_at, alive_at, node.
     */
    static final String CLAIM = """
            WITH picked AS MATERIALIZED (
                SELECT id FROM taskq_task
                WHERE queue = ? AND NOT started AND NOT failed AND execute_at <= ?
                ORDER BY execute_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED)
            UPDATE taskq_task SET started = true, started_at = ?, alive_at = ?, node = ?
            FROM picked WHERE taskq_task.id = picked.id
            RETURNING taskq_task.id, name, queue, args, retries, execute_at, expires_at""";

    /**
     * Success (and expiry): the row goes, if this node still holds it. A row a person retried
     * meanwhile, now claimed by another node, is left alone. Binds: id, node.
     */
    static final String DELETE = "DELETE FROM taskq_task WHERE id = ? AND started AND NOT failed AND node = ?";

    /**
     * Batched completion: the rows of tasks whose calls have committed, if this node still holds them.
     * Binds: ids (uuid[]), node.
     */
    static final String DELETE_COMPLETED = "DELETE FROM taskq_task WHERE id = ANY(?) AND started AND NOT failed AND node = ?";

    /** Gives a claimed task back unrun (the node could not start it). Binds: id, node. */
    static final String RELEASE = """
            UPDATE taskq_task SET started = false, started_at = NULL, alive_at = NULL, node = NULL
            WHERE id = ? AND started AND NOT failed AND node = ?""";

    /** Revoke: only a task that has not started. Binds: id. */
    static final String DELETE_UNSTARTED = "DELETE FROM taskq_task WHERE id = ? AND NOT started";

    /** A final failure keeps the row for a person, if this node still holds it. Binds: alive_at, error, traceback, id, node. */
    static final String MARK_FAILED = """
            UPDATE taskq_task SET failed = true, alive_at = ?, error = ?, traceback = ?
            WHERE id = ? AND started AND NOT failed AND node = ?""";

    /**
     * A retry: back to waiting with a new due time; the arguments never change.
     * Only if this node still holds it. Binds: execute_at, error, traceback, id, node.
     */
    static final String SCHEDULE_RETRY = """
            UPDATE taskq_task SET started = false, started_at = NULL, alive_at = NULL, node = NULL,
                retries = retries + 1, execute_at = ?, error = ?, traceback = ?
            WHERE id = ? AND started AND NOT failed AND node = ?""";

    /**
     * Keeps the node's running tasks alive. Touches only {@code alive_at}, which is in no index, so
     * PostgreSQL can update the rows in place (HOT) once a second without growing any index. The node
     * check stops a node that lost the database from refreshing a task that was retried meanwhile
     * and is now another node's. SKIP LOCKED: a row locked by its task's own transaction (which
     * deletes it just before committing, and may then wait on a lock of the application's) is
     * skipped rather than waited for, so one slow commit never stalls the heartbeat of the node's
     * other tasks. Binds: alive_at, ids (uuid[]), node.
     */
    static final String HEARTBEAT = """
            UPDATE taskq_task SET alive_at = ?
            WHERE id IN (
                SELECT id FROM taskq_task
                WHERE id = ANY(?) AND started AND NOT failed AND node = ?
                FOR UPDATE SKIP LOCKED)""";

    /**
     * The five groups counted in one pass. Dirty and active split started rows at the cutoff
     * {@code now - dirtyAfter}; pending and future split waiting rows at now.
     * Binds: cutoff (dirty), cutoff (active), now (pending), now (future), now (oldest pending).
     */
    private static final String STATE_COUNTS = """
            count(*) FILTER (WHERE failed) AS failed,
            count(*) FILTER (WHERE started AND NOT failed AND alive_at < ?) AS dirty,
            count(*) FILTER (WHERE started AND NOT failed AND alive_at >= ?) AS active,
            count(*) FILTER (WHERE NOT started AND NOT failed AND execute_at <= ?) AS pending,
            count(*) FILTER (WHERE NOT started AND NOT failed AND execute_at > ?) AS future,
            min(execute_at) FILTER (WHERE NOT started AND NOT failed AND execute_at <= ?) AS oldest_pending
            """;

    /** {@link #STATE_COUNTS} per task name and queue. Binds: those of STATE_COUNTS. */
    static final String COUNT_STATES = "SELECT name, queue,\n" + STATE_COUNTS + """
            FROM taskq_task
            GROUP BY name, queue
            ORDER BY name, queue""";

    /** {@link #STATE_COUNTS} over the whole table: always exactly one row. Binds: those of STATE_COUNTS. */
    static final String TOTALS = "SELECT\n" + STATE_COUNTS + "FROM taskq_task";

    /** Dirty tasks, longest silent first. Uses {@code taskq_task_started_idx}. Binds: cutoff, limit. */
    static final String FIND_DIRTY = """
            SELECT id, name, queue, node, alive_at FROM taskq_task
            WHERE started AND NOT failed AND alive_at < ?
            ORDER BY alive_at, id
            LIMIT ?""";

    /**
     * A person's "retry now" (django-taskq's force_retry): a failed or dirty task becomes pending,
     * due at once, one retry more, its error cleared. Never an active task: its worker is still
     * running it. Binds: execute_at, id, cutoff.
     */
    static final String RETRY_NOW = """
            UPDATE taskq_task SET started = false, failed = false, started_at = NULL, alive_at = NULL, node = NULL,
                execute_at = ?, retries = retries + 1, error = NULL, traceback = NULL
            WHERE id = ? AND (failed OR (started AND alive_at < ?))""";

    /**
     * A person's delete: any task but an active one, whose worker is still running it.
     * {@code IS NOT TRUE} also lets a started row without a heartbeat go. Binds: id, cutoff.
     */
    static final String DELETE_UNLESS_ACTIVE = """
            DELETE FROM taskq_task
            WHERE id = ? AND (started AND NOT failed AND alive_at >= ?) IS NOT TRUE""";

    // ---- the console: lists, one task, and commands on many tasks

    /**
     * The condition of one group, as in {@link #STATE_COUNTS}. Failed has no bind; dirty and active
     * bind the cutoff {@code now - dirtyAfter}; pending and future bind now.
     */
    static String groupCondition(TaskGroup group) {
        return switch (group) {
            case FAILED -> "failed";
            case DIRTY -> "started AND NOT failed AND alive_at < ?";
            case ACTIVE -> "started AND NOT failed AND alive_at >= ?";
            case PENDING -> "NOT started AND NOT failed AND execute_at <= ?";
            case FUTURE -> "NOT started AND NOT failed AND execute_at > ?";
        };
    }

    /** Optional parts of a filter, each with one bind. */
    static final String AND_QUEUE = " AND queue = ?";
    static final String AND_NAME = " AND name = ?";
    static final String AND_EXECUTE_FROM = " AND execute_at >= ?";
    static final String AND_EXECUTE_TO = " AND execute_at < ?";

    /**
     * One page of a filtered group, by execute_at then id, cut in the database; arguments and error
     * shortened so a page never carries big values. The failed group reads {@code taskq_task_failed_idx},
     * pending and future of one queue {@code taskq_task_due_idx}, both already in execute_at order.
     * Format: conditions, direction, direction. Binds: the conditions', limit, offset.
     */
    static final String PAGE = """
            SELECT id, name, queue, left(args, %1$d) AS args, length(args) > %1$d AS args_cut, execute_at, retries,
                left(error, %2$d) AS error, node, alive_at
            FROM taskq_task
            WHERE %%s
            ORDER BY execute_at %%s, id %%s
            LIMIT ? OFFSET ?""".formatted(TaskRow.ARGS_PREVIEW, TaskRow.ERROR_PREVIEW);

    /** How many tasks a filter matches. Format: conditions. Binds: the conditions'. */
    static final String COUNT = "SELECT count(*) FROM taskq_task WHERE %s";

    /** One task with every column and its group. Binds: cutoff, now, id. */
    static final String FIND = """
            SELECT *, CASE
                    WHEN failed THEN 'FAILED'
                    WHEN started AND alive_at < ? THEN 'DIRTY'
                    WHEN started THEN 'ACTIVE'
                    WHEN execute_at <= ? THEN 'PENDING'
                    ELSE 'FUTURE' END AS task_group
            FROM taskq_task WHERE id = ?""";

    /** {@link #RETRY_NOW} for a list of ids. Binds: execute_at, ids (uuid[]), cutoff. */
    static final String RETRY_NOW_ALL = """
            UPDATE taskq_task SET started = false, failed = false, started_at = NULL, alive_at = NULL, node = NULL,
                execute_at = ?, retries = retries + 1, error = NULL, traceback = NULL
            WHERE id = ANY(?) AND (failed OR (started AND alive_at < ?))""";

    /** {@link #DELETE_UNLESS_ACTIVE} for a list of ids. Binds: ids (uuid[]), cutoff. */
    static final String DELETE_UNLESS_ACTIVE_ALL = """
            DELETE FROM taskq_task
            WHERE id = ANY(?) AND (started AND NOT failed AND alive_at >= ?) IS NOT TRUE""";

    /**
     * {@link #RETRY_NOW} for every task a filter of the failed or dirty group matches; the group's
     * condition is checked again on each row, so a task that changed meanwhile is left alone.
     * Format: conditions. Binds: execute_at, the conditions'.
     */
    static final String RETRY_NOW_MATCHING = """
            UPDATE taskq_task SET started = false, failed = false, started_at = NULL, alive_at = NULL, node = NULL,
                execute_at = ?, retries = retries + 1, error = NULL, traceback = NULL
            WHERE %s""";

    /** Deletes every task a filter of any group but active matches. Format: conditions. Binds: the conditions'. */
    static final String DELETE_MATCHING = "DELETE FROM taskq_task WHERE %s";
}
