-- Self-Instruct (issue 11, item 5): SELF_INSTRUCT jobs grow instructions from seed tasks through a
-- connection or checkpoint and store them as a project's prompts. Runs unchanged on H2
-- (MODE=PostgreSQL) and PostgreSQL 15. They snapshot no stored rows (dataset kind NONE, allowed).
ALTER TABLE training_jobs DROP CONSTRAINT ck_jobs_type;
ALTER TABLE training_jobs ADD CONSTRAINT ck_jobs_type
    CHECK (type IN ('TOKENIZER', 'PRETRAIN', 'SFT', 'REWARD', 'DPO', 'PPO', 'SAMPLE', 'EVAL', 'CORPUS', 'AI_JUDGE',
                    'IMPORT', 'SELF_INSTRUCT'));
