package dev.pairwise.labeling.ai;

/** What came of asking an AI judge about one task in both orders. */
public enum AiOutcome {
    /** Both orders gave a ranking and they agree (or were reconciled into one): stored as a judgment. */
    RANKED,
    /** The orders disagreed and the job counts that as a tie: stored as a judgment, disagreeing pairs tied. */
    TIE,
    /** No judgment: an answer had no readable ranking, or the orders disagreed under the abstain setting. */
    ABSTAIN
}
