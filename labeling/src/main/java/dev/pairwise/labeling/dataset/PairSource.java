package dev.pairwise.labeling.dataset;

/** Whose rankings a pair-trained job (reward model, DPO) learns from. */
public enum PairSource {
    /** People's rankings, imported comparisons and adjudications: every pair but AI judges'. */
    HUMAN,
    /** AI judges' rankings only (RLAIF). */
    AI,
    /** All pairs. */
    BOTH
}
