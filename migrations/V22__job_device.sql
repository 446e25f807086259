-- The device a job's models ran on, as the job saw it: "cpu (libtorch 2.7.1, CPU build)" or
-- "gpu 0 (libtorch 2.7.1, CUDA build, 1 GPU visible)". NULL for jobs that load no model (TOKENIZER,
-- CORPUS, IMPORT...) and for jobs run before this column existed.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL 15.
ALTER TABLE training_jobs ADD COLUMN device VARCHAR(200);
