package dev.pairwise.labeling.export;

/** Line formats for exported preference pairs. */
public enum PairFormat {
    /** TRL: {"prompt","chosen","rejected"} plus group_id, margin, labeler, judgment_id. */
    TRL,
    /** Anthropic HH-RLHF: {"chosen","rejected"} as "\n\nHuman: ...\n\nAssistant: ..." dialogues. */
    HH_RLHF
}
