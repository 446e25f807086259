-- Imported battle votes (issue 11, item 7) keep who voted when the file names them: an external
-- name, not an account (people who labeled elsewhere do not sign in here). NULL for judgments made
-- in Pairwise (their labeler_id says who) and for imports that do not say.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL 15.
ALTER TABLE judgments ADD COLUMN external_labeler VARCHAR(200);
