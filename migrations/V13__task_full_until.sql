-- A hint on each task for the open-work scan: no labeler can lease the task before full_until
-- (judgments plus running leases reached the overlap; it is the earliest end of those leases).
-- Set when a lease fills the task, under its row lock; cleared where a slot frees early (a skip,
-- a released lease, a new overlap). The scan passes over a task held by others by reading this
-- column instead of counting the task's leases; a NULL or past value says nothing, and the exact
-- count decides. Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL 15.
ALTER TABLE comparison_tasks ADD COLUMN full_until TIMESTAMP WITH TIME ZONE;
