package dev.pairwise.app.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Times the two calls a labeling client makes for every judgment — {@code POST
 * /api/projects/{id}/tasks/next} and {@code POST /api/tasks/{id}/judgments} — in place of
 * {@code http.server.requests}, whose observation (a context, a convention resolving tags from the
 * request's matched pattern, a timer and a long-task timer per request) cost a tenth of the app's
 * CPU under load. Timer {@code pairwise.api.labeling.requests}, tags {@code call} ({@code next},
 * {@code judgments}) and {@code status} (the HTTP status), over the whole filter chain as
 * {@code http.server.requests} is; every other request keeps {@code http.server.requests}
 * ({@link #notTimedHere}).
 */
final class LabelingRequestTimer extends OncePerRequestFilter {

    private final MeterRegistry meters;
    /** Timers by call and status, registered once each: a lookup by tags costs more than the record. */
    private final ConcurrentMap<Integer, Timer> timers = new ConcurrentHashMap<>();

    LabelingRequestTimer(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Leaves this filter's requests out of {@code http.server.requests} (no double timing). */
    static ObservationPredicate notTimedHere() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server
                && call(server.getCarrier()) != null);
    }

    /** {@code next}, {@code judgments}, or null for any other request. */
    static String call(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        String uri = request.getRequestURI();
        if (uri.startsWith("/api/projects/") && uri.endsWith("/tasks/next")) {
            return "next";
        }
        if (uri.startsWith("/api/tasks/") && uri.endsWith("/judgments")) {
            return "judgments";
        }
        return null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String call = call(request);
        if (call == null) {
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            int status = response.getStatus();
            timers.computeIfAbsent(status * 2 + (call.equals("next") ? 0 : 1), k -> Timer
                            .builder("pairwise.api.labeling.requests")
                            .description("POST tasks/next and judgments of /api, the labeling client's two calls")
                            .tag("call", call).tag("status", String.valueOf(status)).register(meters))
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}
