-- Label quality (issue 13): gold tasks, paused labelers, review and adjudication.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL 15.

-- Quality settings of a project. gold_rate: the chance that a labeler's next task is a gold task
-- (0 = never); gold_min_accuracy: below it a labeler is flagged (after GoldAccuracy.MIN_JUDGED
-- gold judgments); gold_pause: such a labeler is also paused; review_disagreement: a task whose
-- labelers disagree on at least this share of their strictly ranked pairs goes to review.
ALTER TABLE projects ADD COLUMN gold_rate DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE projects ADD COLUMN gold_min_accuracy DOUBLE PRECISION NOT NULL DEFAULT 0.7;
ALTER TABLE projects ADD COLUMN gold_pause BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE projects ADD COLUMN review_disagreement DOUBLE PRECISION NOT NULL DEFAULT 0.34;
ALTER TABLE projects ADD CONSTRAINT ck_projects_gold_rate CHECK (gold_rate >= 0 AND gold_rate <= 1);
ALTER TABLE projects ADD CONSTRAINT ck_projects_gold_min CHECK (gold_min_accuracy >= 0 AND gold_min_accuracy <= 1);
ALTER TABLE projects ADD CONSTRAINT ck_projects_review CHECK (review_disagreement > 0 AND review_disagreement <= 1);

-- A gold task has a known ranking and goes to every labeler (mixed in at gold_rate), never through
-- the overlap-limited open-work scan: the scan reads this flag on the row it reads anyway.
ALTER TABLE comparison_tasks ADD COLUMN gold BOOLEAN NOT NULL DEFAULT FALSE;

-- The known ranking of a gold task (tiers as in judgments: ';' between tiers, ',' within one).
-- The draw of a gold task for a labeler reads (project_id, task_id) in order.
CREATE TABLE gold_rankings (
    task_id     BIGINT       NOT NULL PRIMARY KEY REFERENCES comparison_tasks (id),
    project_id  BIGINT       NOT NULL REFERENCES projects (id),
    tiers       VARCHAR(400) NOT NULL,
    created_by  BIGINT       REFERENCES accounts (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_gold_project ON gold_rankings (project_id, task_id);

-- A labeler who gets no tasks of a project (low gold accuracy, or an admin's decision).
CREATE TABLE paused_labelers (
    project_id  BIGINT       NOT NULL REFERENCES projects (id),
    labeler_id  BIGINT       NOT NULL REFERENCES accounts (id),
    reason      VARCHAR(400) NOT NULL,
    paused_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project_id, labeler_id)
);

-- A reviewer's ranking of a disputed task. It is stored as a judgment too (source 'adjudication',
-- no labeler), so its preference pairs sit with the others and training can prefer them.
CREATE TABLE adjudications (
    task_id      BIGINT         NOT NULL PRIMARY KEY REFERENCES comparison_tasks (id),
    project_id   BIGINT         NOT NULL REFERENCES projects (id),
    judgment_id  BIGINT         NOT NULL REFERENCES judgments (id),
    reviewer_id  BIGINT         NOT NULL REFERENCES accounts (id),
    note         VARCHAR(4000),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_adjudications_judgment UNIQUE (judgment_id)
);
CREATE INDEX ix_adjudications_project ON adjudications (project_id, task_id);
