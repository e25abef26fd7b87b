-- A queue table churns: every task is one insert, one or two updates and one delete, and the table
-- holds anything from no row to millions within minutes. PostgreSQL's defaults start vacuum and analyze
-- at 20 % / 10 % of the live rows, which for a table that is often near-empty means "rarely, then too
-- late". Fixed thresholds keep dead tuples and the due index small and the statistics fresh, so the
-- claim keeps its plan (an index scan of taskq_task_due_idx) at any size.
-- fillfactor 80 (V1) leaves room on each page for the HOT updates of the heartbeat (alive_at is in no index).
ALTER TABLE taskq_task SET (
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_insert_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 20000,
    autovacuum_analyze_scale_factor = 0,
    autovacuum_analyze_threshold = 5000,
    autovacuum_vacuum_cost_delay = 1
);
