package dev.pairwise.app.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.labeling.InvalidInputException;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Connection settings are checked on construction, each refusal naming the API's field; the retry and rate arithmetic. */
class ConnectionSettingsTest {

    private static ConnectionSettings with(String baseUrl) {
        return ConnectionSettings.of("n", baseUrl, "m", null, null, null, null, null, null);
    }

    private static void refused(Runnable r, String field, String text) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(text);
        });
    }

    @Test
    void missing_settings_take_their_defaults_and_the_url_loses_its_trailing_slash() {
        ConnectionSettings s = with("http://localhost:11434/v1/");
        assertThat(s.baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(s).isEqualTo(new ConnectionSettings("n", "http://localhost:11434/v1", "m", 1.0, 1.0, 512, 4, 60,
                Duration.ofSeconds(120)));
    }

    @Test
    void bad_settings_are_refused_naming_the_field() {
        refused(() -> with("localhost:8000/v1"), "base_url", "http:// or https://");
        refused(() -> with("ftp://host/v1"), "base_url", "http:// or https://");
        refused(() -> with("http://user:pw@host/v1"), "base_url", "credentials");
        refused(() -> with("http://host/v1?x=1"), "base_url", "query");
        refused(() -> with("http://host:8000/v1/chat/completions"), "base_url", "without /chat/completions");
        refused(() -> ConnectionSettings.of(" ", "http://h/v1", "m", null, null, null, null, null, null), "name", "required");
        refused(() -> ConnectionSettings.of("n", "http://h/v1", "", null, null, null, null, null, null), "model", "required");
        refused(() -> ConnectionSettings.of("n", "http://h/v1", "m", 2.5, null, null, null, null, null), "temperature", "between 0 and 2");
        refused(() -> ConnectionSettings.of("n", "http://h/v1", "m", null, 0.0, null, null, null, null), "top_p", "above 0");
        refused(() -> ConnectionSettings.of("n", "http://h/v1", "m", null, null, 0, null, null, null), "max_tokens", "between 1");
        refused(() -> ConnectionSettings.of("n", "http://h/v1", "m", null, null, null, 0, null, null), "max_concurrent", "between 1");
        refused(() -> ConnectionSettings.of("n", "http://h/v1", "m", null, null, null, null, 0, null), "requests_per_minute", "between 1");
        refused(() -> ConnectionSettings.of("n", "http://h/v1", "m", null, null, null, null, null, 7200), "timeout_seconds", "between 1 and 3600");
        refused(() -> ConnectionSettings.of("x".repeat(101), "http://h/v1", "m", null, null, null, null, null, null), "name", "longer than 100");
    }

    @Test
    void the_token_bucket_allows_one_seconds_worth_then_spaces_requests() {
        long[] now = {0};
        TokenBucket bucket = new TokenBucket(120, () -> now[0]);
        assertThat(bucket.reserve()).isZero();
        assertThat(bucket.reserve()).isZero();
        assertThat(bucket.reserve()).isEqualTo(500_000_000L);
        assertThat(bucket.reserve()).isEqualTo(1_000_000_000L);
        now[0] = 60_000_000_000L;
        assertThat(bucket.reserve()).as("a quiet minute refills only the burst").isZero();
        assertThat(bucket.reserve()).isZero();
        assertThat(bucket.reserve()).isEqualTo(500_000_000L);
        TokenBucket slow = new TokenBucket(6, () -> now[0]);
        assertThat(slow.reserve()).isZero();
        assertThat(slow.reserve()).isEqualTo(10_000_000_000L);
    }

    @Test
    void backoff_doubles_with_jitter_up_to_the_cap_and_retry_after_wins_when_longer() {
        RetryPolicy p = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30));
        Random random = new Random(1);
        for (int i = 0; i < 100; i++) {
            assertThat(p.backoff(1, random)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
            assertThat(p.backoff(2, random)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(p.backoff(10, random)).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
        }
        assertThat(p.delay(1, java.util.Optional.of(Duration.ofSeconds(20)), random)).hasValue(Duration.ofSeconds(20));
        assertThat(p.delay(1, java.util.Optional.of(Duration.ofSeconds(31)), random)).isEmpty();
        assertThat(ConnectionHttpClient.retryAfter(java.util.Optional.of("7"))).hasValue(Duration.ofSeconds(7));
        assertThat(ConnectionHttpClient.retryAfter(java.util.Optional.of("soon"))).isEmpty();
    }

    @Test
    void nothing_that_holds_a_key_prints_it() {
        assertThat(Failures.redact("key sk-abcdefghijkl and sk-abcdefgh… and …efghijkl", "sk-abcdefghijkl"))
                .isEqualTo("key *** and ***… and …***");
        var props = new ConnectionProperties("c2VjcmV0", java.nio.file.Path.of("k"), 4, Duration.ZERO,
                Duration.ZERO, Duration.ZERO);
        assertThat(props.toString()).doesNotContain("c2VjcmV0");
    }
}
