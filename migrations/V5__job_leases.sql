-- Training jobs shared by several app instances on one database (issue 9). A RUNNING job is held
-- by the instance that claimed it for as long as its lease lasts; that instance renews the lease
-- (a heartbeat) while it trains. A RUNNING row whose lease has run out belongs to an instance that
-- stopped: any instance re-queues it (it resumes from checkpoint_path), cancels or fails it.
-- claimed_by:       the instance id that holds (or last held) the job, shown to researchers.
-- lease_expires_at: until when that instance holds it; NULL on rows from before this migration,
--                   which count as expired.
-- attempts:         how many times the job was claimed; the running instance writes only while it
--                   is still the latest attempt, so an instance that lost its lease cannot
--                   overwrite the progress of the one that took the job over.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL 15.
ALTER TABLE training_jobs ADD COLUMN claimed_by VARCHAR(64);
ALTER TABLE training_jobs ADD COLUMN lease_expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE training_jobs ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
