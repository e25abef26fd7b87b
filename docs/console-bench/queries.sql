-- The console's statements (TaskSql) with the binds a page would send. now() stands for the bound time.
\timing on
\echo === summary: COUNT_STATES (per task name and queue)
EXPLAIN (ANALYZE, BUFFERS) SELECT name, queue,
  count(*) FILTER (WHERE failed) AS failed,
  count(*) FILTER (WHERE started AND NOT failed AND alive_at < now() - interval '5 seconds') AS dirty,
  count(*) FILTER (WHERE started AND NOT failed AND alive_at >= now() - interval '5 seconds') AS active,
  count(*) FILTER (WHERE NOT started AND NOT failed AND execute_at <= now()) AS pending,
  count(*) FILTER (WHERE NOT started AND NOT failed AND execute_at > now()) AS future,
  min(execute_at) FILTER (WHERE NOT started AND NOT failed AND execute_at <= now()) AS oldest_pending
FROM taskq_task GROUP BY name, queue ORDER BY name, queue;
\echo === summary: TOTALS
EXPLAIN (ANALYZE, BUFFERS) SELECT
  count(*) FILTER (WHERE failed) AS failed,
  count(*) FILTER (WHERE started AND NOT failed AND alive_at < now() - interval '5 seconds') AS dirty,
  count(*) FILTER (WHERE started AND NOT failed AND alive_at >= now() - interval '5 seconds') AS active,
  count(*) FILTER (WHERE NOT started AND NOT failed AND execute_at <= now()) AS pending,
  count(*) FILTER (WHERE NOT started AND NOT failed AND execute_at > now()) AS future,
  min(execute_at) FILTER (WHERE NOT started AND NOT failed AND execute_at <= now()) AS oldest_pending
FROM taskq_task;
\echo === failed group, filtered by task name and queue, newest first: PAGE + COUNT
EXPLAIN (ANALYZE, BUFFERS) SELECT id, name, queue, left(args, 200) AS args, length(args) > 200 AS args_cut, execute_at, retries,
  left(error, 200) AS error, node, alive_at
FROM taskq_task WHERE (failed) AND queue = 'queue2' AND name = 'Task7.run'
ORDER BY execute_at DESC, id DESC LIMIT 50 OFFSET 0;
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM taskq_task WHERE (failed) AND queue = 'queue2' AND name = 'Task7.run';
\echo === pending group of one queue, oldest first, third page: PAGE + COUNT
EXPLAIN (ANALYZE, BUFFERS) SELECT id, name, queue, left(args, 200) AS args, length(args) > 200 AS args_cut, execute_at, retries,
  left(error, 200) AS error, node, alive_at
FROM taskq_task WHERE (NOT started AND NOT failed AND execute_at <= now()) AND queue = 'queue3'
ORDER BY execute_at ASC, id ASC LIMIT 50 OFFSET 100;
EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM taskq_task WHERE (NOT started AND NOT failed AND execute_at <= now()) AND queue = 'queue3';
