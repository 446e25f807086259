package dev.pairwise.app.connections;

import java.util.concurrent.Semaphore;

/**
 * The caps of one connection, shared by every caller in this JVM: at most {@code maxConcurrent}
 * requests in flight (a fair semaphore) and at most {@code requestsPerMinute} started per minute
 * ({@link TokenBucket}). A caller takes a slot first and a token second: tokens taken while
 * queueing for a slot would all come due at once when slots free up, a burst over the rate.
 * Each try of a retried call is a request and takes both again; the backoff between tries holds
 * neither.
 */
final class ConnectionLimiter {

    private final int maxConcurrent;
    private final int requestsPerMinute;
    private final Semaphore slots;
    private final TokenBucket rate;

    ConnectionLimiter(int maxConcurrent, int requestsPerMinute) {
        this.maxConcurrent = maxConcurrent;
        this.requestsPerMinute = requestsPerMinute;
        this.slots = new Semaphore(maxConcurrent, true);
        this.rate = new TokenBucket(requestsPerMinute, System::nanoTime);
    }

    /** Blocks until this caller may send one request; close the slot when its answer is in. */
    Slot acquire() throws InterruptedException {
        slots.acquire();
        try {
            rate.acquire();
        } catch (InterruptedException e) {
            slots.release();
            throw e;
        }
        return slots::release;
    }

    boolean sameCaps(ConnectionSettings s) {
        return s.maxConcurrent() == maxConcurrent && s.requestsPerMinute() == requestsPerMinute;
    }

    /** A held slot. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }
}
