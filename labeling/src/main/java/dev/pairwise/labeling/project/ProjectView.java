package dev.pairwise.labeling.project;

import java.time.Instant;

/**
 * A project as the UI and the REST API see it.
 *
 * @param goldRate   chance that a labeler's next task is a gold task (see the quality settings)
 * @param repeatRate chance that it is a position-swapped repeat of a task they judged (the same)
 * @param routing    the order open tasks are handed out in (the same)
 */
public record ProjectView(long id, String name, String guidelines, int k, int overlap, boolean randomizeOrder,
                          boolean labelersMayWriteDemos, int leaseMinutes, Instant createdAt, double goldRate,
                          double repeatRate, Routing routing) {
}
