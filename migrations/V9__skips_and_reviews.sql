-- Skips are no longer final (issue 10, item 4): a skipped task comes back to its labeler at the
-- end of their queue, oldest skip first, and the last skip can be undone. skipped_at orders them;
-- rows skipped before this migration keep their lease time as the skip time.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL 15.
ALTER TABLE assignments ADD COLUMN skipped_at TIMESTAMP WITH TIME ZONE;
UPDATE assignments SET skipped_at = leased_at WHERE status = 'SKIPPED';
