-- The task table. One row per enqueued task; successful tasks are deleted, failed ones stay.
-- States (django-taskq's groups): failed; dirty = started with a stale alive_at; active = started
-- with a fresh alive_at; pending = due and not started; future = not yet due.
CREATE TABLE taskq_task (
    id          uuid          PRIMARY KEY,        -- time-ordered (UUIDv7), assigned by the application
    name        varchar(255)  NOT NULL,           -- @Task name, e.g. Mailer.welcome
    queue       varchar(255)  NOT NULL,
    args        text          NOT NULL,           -- JSON array of the arguments (JSON-B)
    created_at  timestamptz   NOT NULL,
    execute_at  timestamptz   NOT NULL,           -- due when execute_at <= now
    expires_at  timestamptz,                      -- dropped unrun if claimed after this
    started     boolean       NOT NULL DEFAULT false,
    started_at  timestamptz,
    alive_at    timestamptz,                      -- heartbeat; in no index so its updates stay HOT
    node        varchar(255),                     -- the node that claimed it
    failed      boolean       NOT NULL DEFAULT false,
    retries     integer       NOT NULL DEFAULT 0,
    error       text,                             -- the last error line
    traceback   text                              -- the last stack trace
) WITH (fillfactor = 80);

-- The claim: due tasks of a queue, oldest first. Partial, so it holds only waiting rows.
CREATE INDEX taskq_task_due_idx ON taskq_task (queue, execute_at) WHERE NOT started AND NOT failed;
-- The console's failed group.
CREATE INDEX taskq_task_failed_idx ON taskq_task (execute_at) WHERE failed;
-- The running rows of a node (heartbeat, dirty detection).
CREATE INDEX taskq_task_started_idx ON taskq_task (node) WHERE started AND NOT failed;
