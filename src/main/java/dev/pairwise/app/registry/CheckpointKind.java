package dev.pairwise.app.registry;

/** What a registered checkpoint is: the stages of the loop produce one kind each. */
public enum CheckpointKind {
    /** A byte-level BPE tokenizer. */
    TOKENIZER,
    /** A pretrained GPT. */
    BASE,
    /** A GPT fine-tuned on demonstrations: the first policy and the PPO/DPO reference. */
    SFT,
    /** A Bradley–Terry reward model. */
    REWARD,
    /** A policy trained by PPO or DPO. */
    POLICY
}
