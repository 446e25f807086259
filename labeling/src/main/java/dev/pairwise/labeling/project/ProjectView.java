package dev.pairwise.labeling.project;

import java.time.Instant;

/** A project as the UI and the REST API see it. */
public record ProjectView(long id, String name, String guidelines, int k, int overlap, boolean randomizeOrder,
                          boolean labelersMayWriteDemos, int leaseMinutes, Instant createdAt) {
}
