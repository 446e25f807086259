-- Uncertainty-first routing (issue 13, item 6): a project hands out its open tasks FIFO (the
-- default) or smallest reward-model margin first. routing_margin is the smallest gap between
-- adjacent sorted reward scores of a task's responses, written when a REWARD job of the project
-- finishes; NULL until scored (such tasks follow the scored ones, oldest first).
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL 15.
ALTER TABLE projects ADD COLUMN routing VARCHAR(16) NOT NULL DEFAULT 'FIFO';
ALTER TABLE projects ADD CONSTRAINT ck_projects_routing CHECK (routing IN ('FIFO', 'UNCERTAINTY'));

ALTER TABLE comparison_tasks ADD COLUMN routing_margin DOUBLE PRECISION;

-- The UNCERTAINTY scan's ORDER BY (project_id, completed, routing_margin, id): ascending with
-- NULLs last, the default order of a PostgreSQL B-tree, so the scan reads the index in order and
-- stops at the LIMIT, as FIFO's does on ix_tasks_open.
CREATE INDEX ix_tasks_uncertain ON comparison_tasks (project_id, completed, routing_margin, id);
