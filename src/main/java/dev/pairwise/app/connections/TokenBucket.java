package dev.pairwise.app.connections;

import java.util.function.LongSupplier;

/**
 * The requests-per-minute cap: a token bucket that refills one token every {@code 60 s / rpm}
 * and holds at most one second's worth ({@code ceil(rpm / 60)}, at least 1). A full minute's
 * worth as the burst would let 2 × rpm requests through in the first minute after a quiet one;
 * one second's worth keeps every 60-second window within rpm + rpm/60. Callers reserve a token
 * and wait for it outside the lock, so they are served in arrival order.
 */
final class TokenBucket {

    private final long intervalNanos;
    private final long burst;
    private final LongSupplier nanoTime;
    private long nextFree;
    private boolean started;

    TokenBucket(int requestsPerMinute, LongSupplier nanoTime) {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("requests per minute must be at least 1");
        }
        this.intervalNanos = 60_000_000_000L / requestsPerMinute;
        this.burst = Math.max(1, (requestsPerMinute + 59) / 60);
        this.nanoTime = nanoTime;
    }

    /** Takes the next token; the nanoseconds to wait before using it (0: at once). */
    synchronized long reserve() {
        long now = nanoTime.getAsLong();
        long earliest = now - (burst - 1) * intervalNanos;
        if (!started || nextFree - earliest < 0) {
            nextFree = earliest;
            started = true;
        }
        long wait = Math.max(0, nextFree - now);
        nextFree += intervalNanos;
        return wait;
    }

    /** Takes the next token and sleeps until it may be used. */
    void acquire() throws InterruptedException {
        long wait = reserve();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
