package dev.pairwise.labeling.account;

/** What a person may do in Pairwise. One account may hold several roles. */
public enum Role {
    /** Ranks responses, and writes demonstrations where the project allows. */
    LABELER,
    /** Runs projects, imports and exports data, manages users, reviews demonstrations. */
    ADMIN,
    /** Trains models from the collected data and exports it. */
    RESEARCHER,
    /** Reviews tasks where labelers disagree and records the adjudicated ranking. */
    REVIEWER
}
