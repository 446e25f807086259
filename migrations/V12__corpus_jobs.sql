-- Corpus cleaning jobs (issue 14): CORPUS joins the job types. The cleaned corpus itself is a file
-- in the corpus store (with its report and lineage beside it), not a row.
ALTER TABLE training_jobs DROP CONSTRAINT ck_jobs_type;
ALTER TABLE training_jobs ADD CONSTRAINT ck_jobs_type
    CHECK (type IN ('TOKENIZER', 'PRETRAIN', 'SFT', 'REWARD', 'DPO', 'PPO', 'SAMPLE', 'EVAL', 'CORPUS'));
