package dev.pairwise.app.connections;

import static dev.pairwise.app.connections.ScriptedOpenAiServer.after;
import static dev.pairwise.app.connections.ScriptedOpenAiServer.answer;
import static dev.pairwise.app.connections.ScriptedOpenAiServer.malformed;
import static dev.pairwise.app.connections.ScriptedOpenAiServer.status;
import static dev.pairwise.app.connections.ScriptedOpenAiServer.stream;
import static dev.pairwise.app.connections.ScriptedOpenAiServer.unauthorizedEchoingKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.app.connections.ConnectionFailure.Kind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client's contract with an OpenAI-compatible server, against a real HTTP server on
 * 127.0.0.1 that answers by script: answers and usage, retries with backoff on 429 and 5xx (and
 * the server's Retry-After), timeouts, malformed answers, streaming, and both caps, each seen
 * from the server's side.
 */
class ConnectionContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "sk-test-0123456789abcdef";
    /** Short waits keep the test quick: retry n waits 100·2^(n−1) ms, at least half of it. */
    private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(2),
            Duration.ofSeconds(5));

    private ScriptedOpenAiServer server;
    private SimpleMeterRegistry registry;
    private ChatEndpoint endpoint;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedOpenAiServer();
        registry = new SimpleMeterRegistry();
    }

    @AfterEach
    void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
        server.close();
    }

    private ChatEndpoint endpoint(int maxConcurrent, int rpm, Duration timeout) {
        ConnectionSettings s = new ConnectionSettings("scripted", server.baseUrl(), "test-model", 0.7, 0.9, 64,
                maxConcurrent, rpm, timeout);
        endpoint = new ChatEndpoint(s, KEY, new ConnectionLimiter(maxConcurrent, rpm), FAST, new UsageMeter(registry));
        return endpoint;
    }

    private ChatEndpoint endpoint() {
        return endpoint(4, 100_000, Duration.ofSeconds(10));
    }

    private static List<ChatMessage> hello() {
        return List.of(ChatMessage.system("Be brief."), ChatMessage.user("Say hello"));
    }

    private double counter(String name, String tag, String value) {
        var c = registry.find(name).tag("connection", "scripted").tag(tag, value).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void an_answer_comes_back_with_its_usage_and_the_request_carries_the_settings() {
        server.then(answer("Hello!", 12, 3));

        Completion c = endpoint().complete(hello(), SamplingOverrides.temperature(0.2));

        assertThat(c.text()).isEqualTo("Hello!");
        assertThat(c.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(c.usage()).isEqualTo(new Usage(12, 3, true));
        assertThat(c.attempts()).isEqualTo(1);
        assertThat(c.model()).isEqualTo("scripted-model");
        assertThat(c.sampling()).isEqualTo(new Sampling(0.2, 0.9, 64, null, List.of()));
        assertThat(c.latency()).isPositive();
        assertThat(counter("pairwise.connection.tokens", "type", "prompt")).isEqualTo(12);
        assertThat(counter("pairwise.connection.tokens", "type", "completion")).isEqualTo(3);
        assertThat(counter("pairwise.connection.requests", "outcome", "ok")).isEqualTo(1);

        ScriptedOpenAiServer.Seen seen = server.requests().getFirst();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.path()).isEqualTo("/v1/chat/completions");
        assertThat(seen.header("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = JSON.readTree(seen.body());
        assertThat(body.get("model").asString()).isEqualTo("test-model");
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.get("messages").get(0).get("role").asString()).isEqualTo("system");
        assertThat(body.get("messages").get(1).get("content").asString()).isEqualTo("Say hello");
    }

    @Test
    void a_429_is_retried_after_the_servers_retry_after() {
        server.then(status(429, "slow down", "Retry-After", "1"), answer("ok", 1, 1));

        Completion c = endpoint().complete(hello(), SamplingOverrides.NONE);

        assertThat(c.text()).isEqualTo("ok");
        assertThat(c.attempts()).isEqualTo(2);
        List<ScriptedOpenAiServer.Seen> seen = server.requests();
        assertThat(seen).hasSize(2);
        assertThat(gapMillis(seen, 0)).as("Retry-After: 1 was honoured").isGreaterThanOrEqualTo(990);
        assertThat(counter("pairwise.connection.requests", "outcome", "rate_limited")).isEqualTo(1);
        assertThat(counter("pairwise.connection.requests", "outcome", "ok")).isEqualTo(1);
    }

    @Test
    void server_errors_are_retried_with_growing_backoff() {
        server.then(status(500, "boom"), status(503, "overloaded"), answer("third time", 1, 1));

        Completion c = endpoint().complete(hello(), SamplingOverrides.NONE);

        assertThat(c.text()).isEqualTo("third time");
        assertThat(c.attempts()).isEqualTo(3);
        List<ScriptedOpenAiServer.Seen> seen = server.requests();
        assertThat(seen).hasSize(3);
        // Backoff 200 ms then 400 ms, each at least half fixed: ≥ 100 ms, ≥ 200 ms.
        assertThat(gapMillis(seen, 0)).isBetween(100L, 1_000L);
        assertThat(gapMillis(seen, 1)).isBetween(200L, 1_500L);
        assertThat(counter("pairwise.connection.requests", "outcome", "server_error")).isEqualTo(2);
    }

    @Test
    void retries_stop_after_max_attempts_with_the_last_error() {
        server.otherwise(status(502, "bad gateway"));

        assertThatThrownBy(() -> endpoint().complete(hello(), SamplingOverrides.NONE))
                .isInstanceOfSatisfying(ConnectionFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(Kind.SERVER_ERROR);
                    assertThat(f.attempts()).isEqualTo(4);
                    assertThat(f.getMessage()).contains("502", "bad gateway");
                });
        assertThat(server.requests()).hasSize(4);
    }

    @Test
    void a_retry_after_beyond_the_limit_fails_at_once() {
        server.then(status(429, "come back tomorrow", "Retry-After", "86400"));

        assertThatThrownBy(() -> endpoint().complete(hello(), SamplingOverrides.NONE))
                .isInstanceOfSatisfying(ConnectionFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(f.attempts()).isEqualTo(1);
                    assertThat(f.retryAfter()).hasValue(Duration.ofDays(1));
                    assertThat(f.getMessage()).contains("max-retry-after");
                });
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void a_slow_server_times_out_and_is_not_retried() {
        server.then(after(Duration.ofSeconds(4), answer("too late", 1, 1)));
        ChatEndpoint e = endpoint(4, 100_000, Duration.ofSeconds(1));

        long start = System.nanoTime();
        assertThatThrownBy(() -> e.complete(hello(), SamplingOverrides.NONE))
                .isInstanceOfSatisfying(ConnectionFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(Kind.TIMEOUT);
                    assertThat(f.attempts()).isEqualTo(1);
                    assertThat(f.getMessage()).contains("no answer within 1 s");
                });
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(900L, 3_000L);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void a_malformed_answer_is_a_clear_error_and_not_retried() {
        server.then(malformed("this is not json {"));

        assertThatThrownBy(() -> endpoint().complete(hello(), SamplingOverrides.NONE))
                .isInstanceOfSatisfying(ConnectionFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(Kind.BAD_RESPONSE);
                    assertThat(f.getMessage()).contains("scripted: the server's answer is not chat-completions JSON");
                    assertThat(f.attempts()).isEqualTo(1);
                });
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void a_rejected_request_is_not_retried_and_names_the_status() {
        server.then(status(404, "The model `test-model` does not exist."));

        assertThatThrownBy(() -> endpoint().complete(hello(), SamplingOverrides.NONE))
                .isInstanceOfSatisfying(ConnectionFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(f.getMessage()).contains("404", "does not exist", "base_url");
                });
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void a_server_that_echoes_the_key_does_not_get_it_into_the_error() {
        server.then(unauthorizedEchoingKey());

        assertThatThrownBy(() -> endpoint().complete(hello(), SamplingOverrides.NONE))
                .isInstanceOfSatisfying(ConnectionFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(Kind.AUTHENTICATION);
                    assertThat(f.getMessage()).contains("401", "Incorrect API key").doesNotContain(KEY)
                            .doesNotContain(KEY.substring(0, 10)).doesNotContain(KEY.substring(KEY.length() - 10));
                });
    }

    @Test
    void a_streamed_answer_arrives_in_pieces_with_its_usage() {
        server.then(stream(Duration.ofMillis(50), 7, 3, "Hel", "lo", " there"));
        List<String> pieces = Collections.synchronizedList(new ArrayList<>());

        Completion c = endpoint().stream(hello(), SamplingOverrides.NONE, pieces::add);

        assertThat(pieces).containsExactly("Hel", "lo", " there");
        assertThat(c.text()).isEqualTo("Hello there");
        assertThat(c.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(c.usage()).isEqualTo(new Usage(7, 3, true));
        assertThat(JSON.readTree(server.requests().getFirst().body()).get("stream").asBoolean()).isTrue();
        assertThat(counter("pairwise.connection.tokens", "type", "completion")).isEqualTo(3);
    }

    @Test
    void a_stream_refused_before_any_text_is_retried() {
        server.then(status(503, "warming up"), stream(Duration.ofMillis(10), 1, 1, "fine"));

        Completion c = endpoint().stream(hello(), SamplingOverrides.NONE, piece -> { });

        assertThat(c.text()).isEqualTo("fine");
        assertThat(c.attempts()).isEqualTo(2);
    }

    @Test
    void a_stream_that_stalls_times_out() {
        server.then(stream(Duration.ofSeconds(3), 1, 1, "slow", "er"));
        ChatEndpoint e = endpoint(4, 100_000, Duration.ofSeconds(1));
        List<String> pieces = Collections.synchronizedList(new ArrayList<>());

        assertThatThrownBy(() -> e.stream(hello(), SamplingOverrides.NONE, pieces::add))
                .isInstanceOfSatisfying(ConnectionFailure.class, f -> assertThat(f.kind()).isEqualTo(Kind.TIMEOUT));
        assertThat(pieces).containsExactly("slow");
    }

    @Test
    void the_concurrency_cap_holds_for_all_callers() throws Exception {
        server.otherwise(after(Duration.ofMillis(300), answer("slow", 1, 1)));
        ChatEndpoint e = endpoint(2, 100_000, Duration.ofSeconds(10));

        List<Completion> done = callConcurrently(e, 8);

        assertThat(done).hasSize(8);
        assertThat(server.requests()).hasSize(8);
        assertThat(server.maxInFlight()).as("requests the server handled at once").isEqualTo(2);
    }

    @Test
    void the_requests_per_minute_cap_spaces_requests() throws Exception {
        // 120 a minute: a burst of 2 (one second's worth), then one every 500 ms.
        ChatEndpoint e = endpoint(100, 120, Duration.ofSeconds(10));

        callConcurrently(e, 6);

        List<ScriptedOpenAiServer.Seen> seen = server.requests();
        assertThat(seen).hasSize(6);
        // Arrival times at the server carry the client's scheduling jitter on top of the bucket's
        // spacing (a busy 2-core CI machine has delayed one request by 70 ms), so the bounds leave
        // room for it; an uncapped burst would put all six within a few milliseconds. The exact
        // spacing is pinned with a fake clock in ConnectionSettingsTest.
        long spanMillis = (seen.getLast().arrivedNanos() - seen.getFirst().arrivedNanos()) / 1_000_000;
        assertThat(spanMillis).as("6 requests at 2/s after a burst of 2").isBetween(1_700L, 4_000L);
        for (int i = 2; i < seen.size(); i++) {
            assertThat((seen.get(i).arrivedNanos() - seen.get(i - 2).arrivedNanos()) / 1_000_000)
                    .as("no three requests within 500 ms, less jitter").isGreaterThanOrEqualTo(300);
        }
    }

    private static List<Completion> callConcurrently(ChatEndpoint e, int callers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Completion>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> e.complete(hello(), SamplingOverrides.NONE)));
            }
            List<Completion> done = new ArrayList<>();
            for (Future<Completion> f : futures) {
                done.add(f.get());
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long gapMillis(List<ScriptedOpenAiServer.Seen> seen, int i) {
        return (seen.get(i + 1).arrivedNanos() - seen.get(i).arrivedNanos()) / 1_000_000;
    }
}
