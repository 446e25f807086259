package dev.pairwise.labeling.progress;

import org.jspecify.annotations.Nullable;

/** One labeler's work in a project; {@code medianTimeMs} is null when no time was recorded. */
public record LabelerProgress(long labelerId, String username, long judgments, @Nullable Long medianTimeMs) {
}
