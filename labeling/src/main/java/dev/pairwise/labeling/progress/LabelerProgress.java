package dev.pairwise.labeling.progress;

/** One labeler's work in a project; {@code medianTimeMs} is null when no time was recorded. */
public record LabelerProgress(long labelerId, String username, long judgments, Long medianTimeMs) {
}
