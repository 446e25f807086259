package dev.pairwise.labeling.export;

/** One exported pair with its texts; {@code labeler} is null for imported judgments. */
record PairRow(long id, long judgmentId, String prompt, String chosen, String rejected, int margin, String labeler) {
}
