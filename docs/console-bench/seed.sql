-- 1,000,000 tasks for the console benchmark: 20 task names x 5 queues, every group represented.
-- Run on an empty database after taskq's migration (V1__create_task_table.sql).
INSERT INTO taskq_task (id, name, queue, args, created_at, execute_at, started, started_at, alive_at, node, failed, retries, error, traceback)
SELECT gen_random_uuid(),
       'Task' || (i % 20) || '.run',
       'queue' || (i % 5),
       '["user-' || i || '", {"amount": ' || (i % 1000) || ', "note": "' || repeat('x', i % 300) || '"}]',
       now() - interval '2 days',
       CASE WHEN g = 'future' THEN now() + (i % 86400) * interval '1 second'
            ELSE now() - (i % 86400) * interval '1 second' END,
       g IN ('dirty', 'active'),
       CASE WHEN g IN ('dirty', 'active') THEN now() - interval '1 minute' END,
       CASE WHEN g = 'dirty' THEN now() - interval '1 hour' WHEN g = 'active' THEN now() END,
       CASE WHEN g IN ('dirty', 'active', 'failed') THEN 'node-' || (i % 3) END,
       g = 'failed',
       CASE WHEN g = 'failed' THEN 3 ELSE 0 END,
       CASE WHEN g = 'failed' THEN 'java.io.IOException: gateway timeout for user-' || i END,
       CASE WHEN g = 'failed' THEN 'java.io.IOException: gateway timeout' || repeat(E'\n\tat dev.example.Gateway.call(Gateway.java:42)', 30) END
FROM (SELECT i, CASE WHEN i % 100 < 5 THEN 'failed'       -- 5 %
                     WHEN i % 1000 = 999 THEN 'dirty'     -- 0.1 %
                     WHEN i % 1000 = 998 THEN 'active'    -- 0.1 %
                     WHEN i % 100 < 30 THEN 'pending'     -- ~25 %
                     ELSE 'future' END AS g              -- ~70 %
      FROM generate_series(1, 1000000) AS i) AS rows;
ANALYZE taskq_task;
