package dev.pairwise.app.jobs;

import java.time.Duration;
import java.util.function.Predicate;

/** Tests' waits on background jobs: poll the job service until a condition holds or time runs out. */
public final class AwaitJobs {

    private AwaitJobs() {
    }

    /** The job's view once {@code condition} holds; an assertion error naming the job's last state after {@code limit}. */
    public static JobView until(JobService jobs, long id, Predicate<JobView> condition, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        JobView v = jobs.get(id);
        while (!condition.test(v)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(v.type() + " job " + id + " never got there in " + limit + ": " + v.status()
                        + " " + v.error() + "\n" + v.logTail());
            }
            Thread.sleep(20);
            v = jobs.get(id);
        }
        return v;
    }

    /** The job's view once it has ended, however it ended. */
    public static JobView finished(JobService jobs, long id, Duration limit) throws InterruptedException {
        return until(jobs, id, v -> v.status().isFinal(), limit);
    }

    /** The job's view once it has ended, which must be SUCCEEDED (else its error and log tail are the message). */
    public static JobView succeeded(JobService jobs, long id, Duration limit) throws InterruptedException {
        JobView v = finished(jobs, id, limit);
        if (v.status() != JobStatus.SUCCEEDED) {
            throw new AssertionError(v.type() + " job " + id + " ended " + v.status() + ": " + v.error() + "\n"
                    + v.logTail());
        }
        return v;
    }
}
