package dev.pairwise.labeling.task;

/** ACTIVE holds the task until its lease expires; SUBMITTED and SKIPPED are final. */
public enum AssignmentStatus {
    ACTIVE,
    SUBMITTED,
    SKIPPED
}
