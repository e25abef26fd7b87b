-- 1,000,000 tasks for the console benchmark: 20 task names x 5 queues, drawn independently, so every
-- name is in every queue (100 combinations of 10,000 tasks each), and every group holds tasks of every
-- name in every queue.
--   name  = i % 20           Task0.run .. Task19.run
--   queue = (i / 20) % 5     queue0 .. queue4; over any 100 consecutive i, each (name, queue) exactly once
--   group from b = (i / 100) % 1000, the block of 100 that i falls in, so a group gets whole blocks,
--   that is, every (name, queue) in equal shares:
--     failed  b % 100 < 5       50,000   (500 of each name and queue)
--     pending b % 100 in 5..29  250,000  (2,500 of each)
--     dirty   b = 999           1,000    (10 of each)
--     active  b = 998           1,000    (10 of each)
--     future  the rest          698,000
-- execute_at spreads over the day before (failed, pending, dirty, active) or after (future) now;
-- failed tasks have a 30-line stack trace; arguments are up to 330 characters (longer than the 200 a list shows).
-- Run on an empty database after taskq's migrations (V1__create_task_table.sql, V2__task_table_autovacuum.sql),
-- for example those the example application applies when it starts. About 30 s.
INSERT INTO taskq_task (id, name, queue, args, created_at, execute_at, started, started_at, alive_at, node, failed, retries, error, traceback)
SELECT gen_random_uuid(),
       'Task' || (i % 20) || '.run',
       'queue' || ((i / 20) % 5),
       '["user-' || i || '", {"amount": ' || (i % 1000) || ', "note": "' || repeat('x', i % 300) || '"}]',
       now() - interval '2 days',
       CASE WHEN g = 'future' THEN now() + (1 + i % 86400) * interval '1 second'
            ELSE now() - (i % 86400) * interval '1 second' END,
       g IN ('dirty', 'active'),
       CASE WHEN g IN ('dirty', 'active') THEN now() - interval '1 minute' END,
       -- active: a heartbeat a day ahead, so these rows stay active (taskq.dirty-after is 5 s) while the benchmark runs
       CASE WHEN g = 'dirty' THEN now() - interval '1 hour' WHEN g = 'active' THEN now() + interval '1 day' END,
       CASE WHEN g IN ('dirty', 'active', 'failed') THEN 'node-' || (i % 3) END,
       g = 'failed',
       CASE WHEN g = 'failed' THEN 3 ELSE 0 END,
       CASE WHEN g = 'failed' THEN 'java.io.IOException: gateway timeout for user-' || i END,
       CASE WHEN g = 'failed' THEN 'java.io.IOException: gateway timeout' || repeat(E'\n\tat dev.example.Gateway.call(Gateway.java:42)', 30) END
FROM (SELECT i, CASE WHEN b % 100 < 5 THEN 'failed'      -- 5 %
                     WHEN b = 999 THEN 'dirty'           -- 0.1 %
                     WHEN b = 998 THEN 'active'          -- 0.1 %
                     WHEN b % 100 < 30 THEN 'pending'    -- 25 %
                     ELSE 'future' END AS g             -- 69.8 %
      FROM (SELECT i, (i / 100) % 1000 AS b FROM generate_series(0, 999999) AS i) AS numbered) AS rows;
VACUUM ANALYZE taskq_task;
