package dev.pairwise.app.jobs;

/** A job's place in its life: QUEUED → RUNNING → SUCCEEDED | FAILED | CANCELLED. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    /** Whether the job is over (nothing will change it again). */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
