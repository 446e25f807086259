package dev.pairwise.labeling.demo;

import java.time.Instant;

/** A demonstration for lists and forms, with author and reviewer names resolved. */
public record DemonstrationView(long id, long projectId, String instruction, String response, DemoStatus status,
                                String source, Long authorId, String authorName, Long reviewerId,
                                String reviewerName, String reviewNote, Long judgmentId, Instant createdAt,
                                Instant updatedAt) {
}
