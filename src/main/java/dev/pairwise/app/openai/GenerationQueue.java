package dev.pairwise.app.openai;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where completions are generated: {@code maxConcurrent} worker threads, never the request's,
 * and room for {@code maxQueued} more to wait. A request takes a place ({@link #admit}) before
 * anything is loaded or tokenized; with none left it is refused at once (429 with a
 * {@code Retry-After} estimated from recent generation times), so a burst costs a few
 * microseconds per refused request instead of a thread and a buffer each.
 */
final class GenerationQueue implements AutoCloseable {

    /** A held place in the queue; released when its work ends, or by the caller if it never starts. */
    final class Place {
        private boolean held = true;

        synchronized void release() {
            if (held) {
                held = false;
                places.release();
            }
        }
    }

    private final int maxConcurrent;
    private final int capacity;
    private final Semaphore places;
    private final ThreadPoolExecutor workers;
    /** Exponential moving average of generation time (weight 1/4 for the newest), nanoseconds. */
    private final AtomicLong meanNanos = new AtomicLong(TimeUnit.SECONDS.toNanos(1));
    private final AtomicInteger rejected = new AtomicInteger();

    GenerationQueue(int maxConcurrent, int maxQueued) {
        this.maxConcurrent = maxConcurrent;
        this.capacity = maxConcurrent + maxQueued;
        this.places = new Semaphore(capacity);
        AtomicInteger number = new AtomicInteger();
        // The executor's own queue can never fill: admission already bounds the work to capacity.
        this.workers = new ThreadPoolExecutor(maxConcurrent, maxConcurrent, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(capacity), r -> {
                    Thread t = new Thread(r, "v1-generate-" + number.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * A place for one completion.
     *
     * @throws OpenAiException 429 when every worker is busy and the queue is full
     */
    Place admit() {
        if (!places.tryAcquire()) {
            rejected.incrementAndGet();
            throw OpenAiException.busy(retryAfterSeconds());
        }
        return new Place();
    }

    /** Runs {@code work} on a worker; the place is released when it ends, however it ends. */
    void run(Place place, Runnable work) {
        try {
            workers.execute(() -> {
                long start = System.nanoTime();
                try {
                    work.run();
                } finally {
                    long took = System.nanoTime() - start;
                    meanNanos.updateAndGet(mean -> mean + (took - mean) / 4);
                    place.release();
                }
            });
        } catch (RejectedExecutionException e) { // shutting down
            place.release();
            throw OpenAiException.busy(retryAfterSeconds());
        }
    }

    /**
     * When a refused client may expect a free place: the work ahead of it (places taken) spread
     * over the workers, at the recent mean generation time; 1 to 60 s.
     */
    long retryAfterSeconds() {
        int taken = capacity - places.availablePermits();
        double seconds = meanNanos.get() / 1e9 * Math.max(1, taken) / maxConcurrent;
        return Math.clamp((long) Math.ceil(seconds), 1, 60);
    }

    /** Completions generating or waiting now. */
    int inFlight() {
        return capacity - places.availablePermits();
    }

    /** Requests refused since start. */
    int rejectedCount() {
        return rejected.get();
    }

    /** Stops taking work; generations under way finish on their own (native calls do not stop midway). */
    @Override
    public void close() {
        workers.shutdown();
    }
}
