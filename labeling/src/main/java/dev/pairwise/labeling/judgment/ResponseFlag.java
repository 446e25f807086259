package dev.pairwise.labeling.judgment;

/** Problems a labeler can mark on one response (the InstructGPT labeling interface's metadata). */
public enum ResponseFlag {
    FAILS_TO_FOLLOW_INSTRUCTION,
    UNTRUTHFUL,
    HARMFUL,
    INAPPROPRIATE,
    PERSONAL_DATA,
    LOW_QUALITY
}
