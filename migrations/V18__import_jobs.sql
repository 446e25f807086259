-- Hugging Face import (issue 12, item 1): IMPORT jobs read a Hugging Face model folder on the
-- server and register it as a BASE checkpoint. Runs unchanged on H2 (MODE=PostgreSQL) and
-- PostgreSQL 15. IMPORT reads no stored rows, so its dataset kind is NONE (already allowed).
ALTER TABLE training_jobs DROP CONSTRAINT ck_jobs_type;
ALTER TABLE training_jobs ADD CONSTRAINT ck_jobs_type
    CHECK (type IN ('TOKENIZER', 'PRETRAIN', 'SFT', 'REWARD', 'DPO', 'PPO', 'SAMPLE', 'EVAL', 'CORPUS', 'AI_JUDGE',
                    'IMPORT'));
