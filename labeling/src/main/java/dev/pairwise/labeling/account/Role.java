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
    REVIEWER,
    /**
     * An AI labeler's account (one per judge system, made by AI_JUDGE jobs): it owns AI judgments
     * and never signs in, by password or token, and no person is given this role.
     */
    AI_JUDGE;

    /** The roles a person's account may hold: all but {@link #AI_JUDGE}. */
    public static final java.util.Set<Role> HUMAN = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.of(LABELER, ADMIN, RESEARCHER, REVIEWER));
}
