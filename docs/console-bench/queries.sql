-- The statements the console runs (taskq-jpa's TaskSql, conditions as TaskConditions builds them), as
-- prepared statements with the binds a page sends, in the types PgJDBC sends them (OffsetDateTime ->
-- timestamptz, String -> varchar, int -> int4, long -> int8). taskq.dirty-after is the default 5 s.
--   summary /taskq/:   COUNT_STATES (the totals are summed from its rows in Java, TOTALS is not run)
--   a group page:      COUNT, then PAGE with LIMIT GroupView.PAGE_SIZE (20) OFFSET (page - 1) * 20;
--                      args cut to TaskRow.ARGS_PREVIEW (200), error to TaskRow.ERROR_PREVIEW (300)
-- Each statement is also run once without EXPLAIN to show how many rows the page gets.
\timing on
\pset pager off
SELECT now() AS now, now() - interval '5 seconds' AS cutoff,
       date_trunc('hour', now()) - interval '6 hours' AS t_from,
       date_trunc('hour', now()) - interval '3 hours' AS t_to \gset
\echo now :now, dirty cutoff :cutoff, time range [:t_from, :t_to)
SELECT version();

\echo
\echo === summary (/taskq/): COUNT_STATES, per task name and queue
PREPARE count_states(timestamptz, timestamptz, timestamptz, timestamptz, timestamptz) AS
SELECT name, queue,
count(*) FILTER (WHERE failed) AS failed,
count(*) FILTER (WHERE started AND NOT failed AND alive_at < $1) AS dirty,
count(*) FILTER (WHERE started AND NOT failed AND alive_at >= $2) AS active,
count(*) FILTER (WHERE NOT started AND NOT failed AND execute_at <= $3) AS pending,
count(*) FILTER (WHERE NOT started AND NOT failed AND execute_at > $4) AS future,
min(execute_at) FILTER (WHERE NOT started AND NOT failed AND execute_at <= $5) AS oldest_pending
FROM taskq_task
GROUP BY name, queue
ORDER BY name, queue;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE count_states(:'cutoff', :'cutoff', :'now', :'now', :'now');
\echo --- its result, summed as the page sums it (rows = name/queue combinations)
CREATE TEMP TABLE count_states_rows AS EXECUTE count_states(:'cutoff', :'cutoff', :'now', :'now', :'now');
SELECT count(*) AS rows, count(DISTINCT name) AS names, count(DISTINCT queue) AS queues, sum(failed) AS failed,
       sum(dirty) AS dirty, sum(active) AS active, sum(pending) AS pending, sum(future) AS future,
       min(oldest_pending) AS oldest_pending, min(failed) AS min_failed_per_row
FROM count_states_rows;

\echo
\echo === failed group, task name Task7.run, queue queue2, newest first, page 1
\echo === /taskq/group.xhtml?group=failed&queue=queue2&name=Task7.run&sort=desc&page=1
PREPARE failed_count(varchar, varchar) AS
SELECT count(*) FROM taskq_task WHERE (failed) AND queue = $1 AND name = $2;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE failed_count('queue2', 'Task7.run');
EXECUTE failed_count('queue2', 'Task7.run');
PREPARE failed_page(varchar, varchar, int4, int8) AS
SELECT id, name, queue, left(args, 200) AS args, length(args) > 200 AS args_cut, execute_at, retries,
    left(error, 300) AS error, node, alive_at
FROM taskq_task
WHERE (failed) AND queue = $1 AND name = $2
ORDER BY execute_at DESC, id DESC
LIMIT $3 OFFSET $4;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE failed_page('queue2', 'Task7.run', 20, 0);
\echo (rows on the page:)
CREATE TEMP TABLE failed_page_rows AS EXECUTE failed_page('queue2', 'Task7.run', 20, 0);
SELECT count(*) AS page_rows, count(DISTINCT name) AS names, count(DISTINCT queue) AS queues FROM failed_page_rows;

\echo
\echo === pending group, queue queue3, due in [now - 6 h, now - 3 h) (whole hours), oldest first, page 3
\echo === /taskq/group.xhtml?group=pending&queue=queue3&from=<t_from>&to=<t_to>&sort=asc&page=3
PREPARE pending_count(timestamptz, varchar, timestamptz, timestamptz) AS
SELECT count(*) FROM taskq_task WHERE (NOT started AND NOT failed AND execute_at <= $1) AND queue = $2 AND execute_at >= $3 AND execute_at < $4;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE pending_count(:'now', 'queue3', :'t_from', :'t_to');
EXECUTE pending_count(:'now', 'queue3', :'t_from', :'t_to');
PREPARE pending_page(timestamptz, varchar, timestamptz, timestamptz, int4, int8) AS
SELECT id, name, queue, left(args, 200) AS args, length(args) > 200 AS args_cut, execute_at, retries,
    left(error, 300) AS error, node, alive_at
FROM taskq_task
WHERE (NOT started AND NOT failed AND execute_at <= $1) AND queue = $2 AND execute_at >= $3 AND execute_at < $4
ORDER BY execute_at ASC, id ASC
LIMIT $5 OFFSET $6;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE pending_page(:'now', 'queue3', :'t_from', :'t_to', 20, 40);
\echo (rows on the page:)
CREATE TEMP TABLE pending_page_rows AS EXECUTE pending_page(:'now', 'queue3', :'t_from', :'t_to', 20, 40);
SELECT count(*) AS page_rows, count(DISTINCT name) AS names, min(execute_at), max(execute_at) FROM pending_page_rows;
