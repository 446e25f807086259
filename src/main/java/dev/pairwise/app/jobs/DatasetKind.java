package dev.pairwise.app.jobs;

/** What the ids in a job's dataset snapshot name. */
public enum DatasetKind {
    /** No stored rows: the stage reads files named in its config. */
    NONE,
    /** Preference pairs ({@code preference_pairs.id}). */
    PAIRS,
    /** SFT demonstrations ({@code demonstrations.id}). */
    DEMONSTRATIONS,
    /** Prompts ({@code prompts.id}). */
    PROMPTS,
    /** Comparison tasks ({@code comparison_tasks.id}). */
    TASKS
}
