package dev.pairwise.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/**
 * The labeling calls run a few at a time, in arrival order; a call that waits too long is answered
 * 503 with Retry-After; other requests never wait.
 */
class LabelingAdmissionTest {

    private static final String NEXT = "/api/projects/7/tasks/next";

    @Test
    void calls_beyond_the_concurrency_wait_and_are_let_in_in_the_order_they_came() throws Exception {
        LabelingAdmission admission = new LabelingAdmission(1, Duration.ofSeconds(30), (req, res, h, e) -> null);
        Holder holder = Holder.takeTheOnlyPermit(admission, "/api/tasks/1/judgments");
        List<String> entered = holder.entered();

        List<Thread> waiting = new java.util.ArrayList<>();
        for (String name : List.of("first", "second", "third")) {
            waiting.add(call(admission, NEXT, name, entered, null));
            awaitWaiting(admission, waiting.size()); // queued before the next one starts
        }
        assertThat(entered).containsExactly("holder");

        holder.release();
        for (Thread t : waiting) {
            t.join(5_000);
        }
        assertThat(entered).containsExactly("holder", "first", "second", "third");
        assertThat(admission.waiting()).isZero();
    }

    @Test
    void a_call_that_waits_longer_than_the_queue_timeout_is_answered_503_and_not_run() throws Exception {
        LabelingAdmission admission = new LabelingAdmission(1, Duration.ofMillis(50), (req, res, h, e) -> null);
        Holder holder = Holder.takeTheOnlyPermit(admission, NEXT);
        List<String> entered = holder.entered();

        MockHttpServletResponse refused = new MockHttpServletResponse();
        admission.doFilter(post(NEXT), refused, recording(entered, "refused", null));
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(entered).containsExactly("holder");

        holder.release();
        // The permit came back: the next call runs at once.
        MockHttpServletResponse admitted = new MockHttpServletResponse();
        admission.doFilter(post(NEXT), admitted, new MockFilterChain());
        assertThat(admitted.getStatus()).isEqualTo(200);
    }

    @Test
    void other_requests_pass_while_every_permit_is_taken() throws Exception {
        LabelingAdmission admission = new LabelingAdmission(1, Duration.ofMillis(50), (req, res, h, e) -> null);
        Holder holder = Holder.takeTheOnlyPermit(admission, NEXT);
        try {
            for (MockHttpServletRequest other : List.of(post("/api/projects"), post("/api/tasks/3/skip"),
                    new MockHttpServletRequest("GET", NEXT))) {
                MockHttpServletResponse response = new MockHttpServletResponse();
                admission.doFilter(other, response, new MockFilterChain());
                assertThat(response.getStatus()).as(other.getMethod() + " " + other.getRequestURI()).isEqualTo(200);
            }
        } finally {
            holder.release();
        }
    }

    @Test
    void the_busy_answer_is_problem_details_with_retry_after() {
        var handler = new ApiExceptionHandler(new ApiLimits(DataSize.ofMegabytes(1), DataSize.ofMegabytes(64)));
        var answer = handler.busy(new LabelingBusyException(TimeUnit.SECONDS.toNanos(10)));
        assertThat(answer.getStatusCode().value()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.value());
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("10");
        assertThat(answer.getBody().getDetail()).contains("waited 10000 ms").contains("nothing was leased or stored");
    }

    @Test
    void settings_refuse_a_concurrency_below_one_and_default_to_the_pool_size() {
        assertThat(new LabelingAdmissionSettings(null, Duration.ofSeconds(10)).concurrencyOr(10)).isEqualTo(10);
        assertThat(new LabelingAdmissionSettings(4, Duration.ofSeconds(10)).concurrencyOr(10)).isEqualTo(4);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LabelingAdmissionSettings(0, Duration.ofSeconds(1)))
                .hasMessageContaining("pairwise.api.labeling.concurrency");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LabelingAdmissionSettings(null, Duration.ZERO))
                .hasMessageContaining("queue-timeout");
    }

    private static MockHttpServletRequest post(String uri) {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", uri);
        r.setRequestURI(uri);
        return r;
    }

    /** A call on its own thread that records its name on entering and, given a latch, holds there. */
    private static Thread call(LabelingAdmission admission, String uri, String name, List<String> entered,
                               CountDownLatch hold) {
        Thread t = new Thread(() -> {
            try {
                admission.doFilter(post(uri), new MockHttpServletResponse(), recording(entered, name, hold));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, name);
        t.start();
        return t;
    }

    /** A chain that records {@code name} on entering and, given a latch, holds there until it opens. */
    private static MockFilterChain recording(List<String> entered, String name, CountDownLatch hold) {
        return new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) {
                entered.add(name);
                if (hold != null) {
                    try {
                        hold.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
    }

    /** A call named "holder" that holds the admission's only permit until {@link #release}. */
    private record Holder(Thread thread, CountDownLatch latch, List<String> entered) {

        static Holder takeTheOnlyPermit(LabelingAdmission admission, String uri) throws InterruptedException {
            CountDownLatch latch = new CountDownLatch(1);
            List<String> entered = new CopyOnWriteArrayList<>();
            Thread thread = call(admission, uri, "holder", entered, latch);
            awaitEntered(entered, 1);
            return new Holder(thread, latch, entered);
        }

        void release() throws InterruptedException {
            latch.countDown();
            thread.join(5_000);
        }
    }

    private static void awaitEntered(List<String> entered, int n) throws InterruptedException {
        for (int i = 0; i < 500 && entered.size() < n; i++) {
            Thread.sleep(10);
        }
        assertThat(entered).hasSize(n);
    }

    private static void awaitWaiting(LabelingAdmission admission, int n) throws InterruptedException {
        for (int i = 0; i < 500 && admission.waiting() < n; i++) {
            Thread.sleep(10);
        }
        assertThat(admission.waiting()).isEqualTo(n);
    }
}
