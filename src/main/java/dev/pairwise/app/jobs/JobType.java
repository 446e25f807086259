package dev.pairwise.app.jobs;

/** The training stages a job can run, each with the kind of stored data it snapshots. */
public enum JobType {
    /** Clean an uploaded corpus (language, duplicates, quality, perplexity, PII) into a new stored corpus. */
    CORPUS(DatasetKind.NONE),
    /** Byte-level BPE on an uploaded corpus (a file named in the config; no stored rows). */
    TOKENIZER(DatasetKind.NONE),
    /** GPT pretraining on a corpus file. */
    PRETRAIN(DatasetKind.NONE),
    /** Supervised fine-tuning on approved demonstrations. */
    SFT(DatasetKind.DEMONSTRATIONS),
    /** Bradley–Terry reward model on preference pairs. */
    REWARD(DatasetKind.PAIRS),
    /** Direct preference optimisation on preference pairs. */
    DPO(DatasetKind.PAIRS),
    /** PPO against a reward model, on rollouts from prompts. */
    PPO(DatasetKind.PROMPTS),
    /** Sample K responses per prompt into a labeling project. */
    SAMPLE(DatasetKind.PROMPTS),
    /** Evaluate checkpoints on held-out prompts. */
    EVAL(DatasetKind.PROMPTS),
    /** An AI labeler (RLAIF): a connection or checkpoint ranks a project's tasks by a rubric. */
    AI_JUDGE(DatasetKind.TASKS),
    /** A Hugging Face model folder (Llama family or GPT-2) read into a BASE checkpoint. */
    IMPORT(DatasetKind.NONE),
    /** Self-Instruct: a connection or checkpoint grows instructions from seed tasks into a project's prompts. */
    SELF_INSTRUCT(DatasetKind.NONE);

    private final DatasetKind dataset;

    JobType(DatasetKind dataset) {
        this.dataset = dataset;
    }

    /** What the ids of this type's dataset snapshot name; {@code NONE} for file-based stages. */
    public DatasetKind dataset() {
        return dataset;
    }
}
