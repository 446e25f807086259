package dev.pairwise.app.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class GenerationQueueTest {

    @Test
    void places_beyond_the_generators_and_the_queue_are_refused_with_a_retry_after() throws Exception {
        try (GenerationQueue queue = new GenerationQueue(2, 1)) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch running = new CountDownLatch(2);
            AtomicInteger done = new AtomicInteger();
            Runnable blocked = () -> {
                running.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.incrementAndGet();
            };
            for (int i = 0; i < 3; i++) {
                queue.run(queue.admit(), blocked);
            }
            assertThat(running.await(10, TimeUnit.SECONDS)).as("two generate at once").isTrue();
            assertThat(queue.inFlight()).isEqualTo(3);
            assertThatThrownBy(queue::admit).isInstanceOfSatisfying(OpenAiException.class, e -> {
                assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                assertThat(e.code()).isEqualTo("rate_limit_exceeded");
                assertThat(e.retryAfterSeconds()).isBetween(1L, 60L);
            });
            assertThat(queue.rejectedCount()).isEqualTo(1);

            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (queue.inFlight() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(done.get()).isEqualTo(3);
            assertThat(queue.inFlight()).isZero();
            queue.admit().release(); // free again
        }
    }

    @Test
    void a_place_released_twice_is_released_once_and_a_failing_job_frees_its_place() throws Exception {
        try (GenerationQueue queue = new GenerationQueue(1, 0)) {
            GenerationQueue.Place p = queue.admit();
            p.release();
            p.release();
            GenerationQueue.Place q = queue.admit();
            assertThatThrownBy(queue::admit).isInstanceOf(OpenAiException.class);
            CountDownLatch ran = new CountDownLatch(1);
            queue.run(q, () -> {
                ran.countDown();
                throw new IllegalStateException("boom");
            });
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (queue.inFlight() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(queue.inFlight()).isZero();
        }
    }
}
