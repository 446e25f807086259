package dev.pairwise.labeling.task;

/**
 * ACTIVE holds the task until its lease expires; SUBMITTED is final; SKIPPED waits until the
 * labeler's other open work is done (or the skip is undone), then becomes ACTIVE again.
 */
public enum AssignmentStatus {
    ACTIVE,
    SUBMITTED,
    SKIPPED
}
