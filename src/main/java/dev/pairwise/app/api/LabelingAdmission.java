package dev.pairwise.app.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Lets the labeling client's two calls ({@code tasks/next} and {@code judgments}, see
 * {@link LabelingRequestTimer#call}) run a few at a time, in the order they arrived; the others
 * wait their turn (a fair {@link Semaphore}).
 *
 * <p>Why: a crowd of labelers is a closed loop (each sends its next call when the last one
 * answered), so every labeler is waiting somewhere and the mean latency is set by the throughput
 * (Little's law). What admission changes is the spread. Unbounded, 64 request threads share two
 * cores and ten pooled connections; which thread gets the CPU or the connection next is not the
 * one that waited longest, so some calls overtake and others wait several rounds: on the
 * benchmark the 99th percentile was 4.6 times the median (264 ms against 57 ms at 64 labelers).
 * Admitted a connection pool's worth at a time, each call waits behind the ones that came before
 * it and then runs with a connection free: the 99th percentile fell to about twice the median and
 * the throughput rose by a third, as less CPU went to switching between threads (README,
 * "Labeling under load"). The permits bound the whole request — authentication, JSON and the
 * database call — so they sit before Spring Security.
 *
 * <p>A call that waits longer than {@code queue-timeout} is answered 503 with {@code Retry-After}
 * (nothing was done), rather than kept until the client gives up. Every other request passes
 * without waiting: the admission concerns only these two calls.
 */
final class LabelingAdmission extends OncePerRequestFilter {

    private final Semaphore permits;
    private final long queueTimeoutNanos;
    private final HandlerExceptionResolver problems;

    LabelingAdmission(int concurrency, Duration queueTimeout, HandlerExceptionResolver problems) {
        this.permits = new Semaphore(concurrency, true);
        this.queueTimeoutNanos = queueTimeout.toNanos();
        this.problems = problems;
    }

    /** Gauge {@code pairwise.api.labeling.waiting}: calls waiting for their turn now. */
    LabelingAdmission withMetrics(MeterRegistry meters) {
        Gauge.builder("pairwise.api.labeling.waiting", this, LabelingAdmission::waiting)
                .description("labeling calls (tasks/next, judgments) waiting for their turn")
                .register(meters);
        return this;
    }

    /** Calls waiting for their turn now (an estimate while threads come and go, as the semaphore's). */
    int waiting() {
        return permits.getQueueLength();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (LabelingRequestTimer.call(request) == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean admitted;
        try {
            // tryAcquire with a timeout keeps the semaphore's arrival order; the one without does not.
            admitted = permits.tryAcquire(queueTimeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            LabelingBusyException busy = new LabelingBusyException(queueTimeoutNanos);
            if (problems.resolveException(request, response, null, busy) == null) {
                response.setHeader("Retry-After", Long.toString(busy.retryAfterSeconds()));
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            }
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }
}
