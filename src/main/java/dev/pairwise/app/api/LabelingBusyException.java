package dev.pairwise.app.api;

import java.util.concurrent.TimeUnit;

/**
 * A labeling call waited longer than {@code pairwise.api.labeling.queue-timeout} for its turn
 * ({@link LabelingAdmission}) and was not run: the API answers 503 with {@code Retry-After}.
 */
final class LabelingBusyException extends RuntimeException {

    private final long waitedNanos;

    LabelingBusyException(long waitedNanos) {
        super("The labeling service is busy: this call waited " + TimeUnit.NANOSECONDS.toMillis(waitedNanos)
                + " ms for its turn and was not run; nothing was leased or stored. Retry it.");
        this.waitedNanos = waitedNanos;
    }

    /** One second, or the wait if that was longer: the backlog drains at about that pace. */
    long retryAfterSeconds() {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitedNanos));
    }
}
