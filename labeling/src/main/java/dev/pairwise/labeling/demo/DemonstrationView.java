package dev.pairwise.labeling.demo;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A demonstration for lists and forms, with author and reviewer names resolved. */
public record DemonstrationView(long id, long projectId, String instruction, String response, DemoStatus status,
                                String source, @Nullable Long authorId, @Nullable String authorName,
                                @Nullable Long reviewerId, @Nullable String reviewerName,
                                @Nullable String reviewNote, @Nullable Long judgmentId, Instant createdAt,
                                Instant updatedAt) {
}
