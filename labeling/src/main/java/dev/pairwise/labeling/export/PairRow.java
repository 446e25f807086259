package dev.pairwise.labeling.export;

import org.jspecify.annotations.Nullable;

/**
 * One exported pair with its texts; {@code labeler} is null for imported judgments, the reviewer
 * for an adjudicated ranking ({@code adjudicated}).
 */
record PairRow(long id, long judgmentId, String prompt, String chosen, String rejected, int margin, @Nullable String labeler,
               boolean adjudicated) {
}
