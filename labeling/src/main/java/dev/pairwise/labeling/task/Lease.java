package dev.pairwise.labeling.task;

import java.time.Instant;
import java.util.List;

/**
 * An assignment row as the hot paths read it (see {@link Assignment} for the rules).
 *
 * @param presentedOrder the task's response ids in the order they were shown
 */
public record Lease(long id, long taskId, long labelerId, AssignmentStatus status, List<Long> presentedOrder,
                    Instant leasedAt, Instant expiresAt) {

    /** ACTIVE and not past its expiry: it reserves its task. */
    public boolean isLive(Instant now) {
        return status == AssignmentStatus.ACTIVE && expiresAt.isAfter(now);
    }
}
