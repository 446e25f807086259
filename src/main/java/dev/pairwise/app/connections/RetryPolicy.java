package dev.pairwise.app.connections;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed call again: up to {@code maxAttempts} requests; before retry n (1, 2, …)
 * wait {@code min(maxBackoff, initialBackoff · 2^(n−1))}, half of it fixed and half random
 * ("equal jitter", so callers that failed together spread out but none retries at once), or the
 * server's {@code Retry-After} when that is longer. A {@code Retry-After} above
 * {@code maxRetryAfter} is not waited for.
 */
record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    /** One request, no retry: the form's "Test connection" wants the first answer, whatever it is. */
    static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /** The jittered exponential wait before retry {@code retry} (1-based). */
    Duration backoff(int retry, RandomGenerator random) {
        double exponential = initialBackoff.toNanos() * Math.pow(2, Math.min(retry - 1, 40));
        double capped = Math.min(maxBackoff.toNanos(), exponential);
        return Duration.ofNanos((long) (capped / 2 + random.nextDouble() * capped / 2));
    }

    /**
     * The wait before retry {@code retry}; empty when the server asked for longer than
     * {@code maxRetryAfter}, which ends the call.
     */
    Optional<Duration> delay(int retry, Optional<Duration> retryAfter, RandomGenerator random) {
        Duration backoff = backoff(retry, random);
        if (retryAfter.isEmpty()) {
            return Optional.of(backoff);
        }
        if (retryAfter.get().compareTo(maxRetryAfter) > 0) {
            return Optional.empty();
        }
        return Optional.of(retryAfter.get().compareTo(backoff) > 0 ? retryAfter.get() : backoff);
    }
}
