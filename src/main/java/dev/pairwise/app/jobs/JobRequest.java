package dev.pairwise.app.jobs;

import org.jspecify.annotations.Nullable;

/**
 * A request to train.
 *
 * @param type        the stage to run
 * @param config      the stage's settings as a JSON object ({@code {}} for its defaults)
 * @param submittedBy the user name of the person asking (kept for the record), or null for the system
 */
public record JobRequest(@Nullable JobType type, @Nullable String config, @Nullable String submittedBy) {
}
