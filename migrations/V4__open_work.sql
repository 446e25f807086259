-- Assignment that scales (issue 9): each task keeps its judgment count and whether it reached the
-- project's overlap, written in the transaction that stores the judgment (under the task's row
-- lock). Finding open work then reads an index of the open tasks in order instead of counting the
-- judgments of every task already judged, so the query stays flat as a project fills.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL 15.

ALTER TABLE comparison_tasks ADD COLUMN judgment_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comparison_tasks ADD COLUMN completed BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE comparison_tasks
   SET judgment_count = (SELECT COUNT(*) FROM judgments j WHERE j.task_id = comparison_tasks.id);
UPDATE comparison_tasks
   SET completed = judgment_count >= (SELECT p.overlap FROM projects p WHERE p.id = comparison_tasks.project_id);

-- Open work of a project, oldest first: the candidate scan reads (project_id, FALSE, id...) in
-- order and stops at its LIMIT. A partial index (WHERE NOT completed) would be smaller on
-- PostgreSQL, but H2 has none and the migrations run unchanged on both.
-- Its leading column serves what ix_tasks_project (project_id, id) served; one index fewer to
-- write when a judgment updates the task row.
CREATE INDEX ix_tasks_open ON comparison_tasks (project_id, completed, id);
DROP INDEX ix_tasks_project;

