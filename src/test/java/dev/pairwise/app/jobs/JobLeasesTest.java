package dev.pairwise.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobLeasesTest {

    private static final Duration TEN_S = Duration.ofSeconds(10);
    private static final Duration MINUTE = Duration.ofSeconds(60);

    @Test
    void a_blank_instance_id_draws_a_random_one_per_process() {
        JobLeases a = new JobLeases(" ", TEN_S, MINUTE, TEN_S);
        JobLeases b = new JobLeases("", TEN_S, MINUTE, TEN_S);
        assertThat(a.instanceId()).hasSize(36).isNotEqualTo(b.instanceId());
        assertThat(new JobLeases("app-1", TEN_S, MINUTE, TEN_S).instanceId()).isEqualTo("app-1");
    }

    @Test
    void a_lease_runs_one_lease_duration_from_now() {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        assertThat(new JobLeases("a", TEN_S, MINUTE, TEN_S).until(now)).isEqualTo(now.plusSeconds(60));
    }

    @Test
    void settings_that_would_lose_jobs_are_refused_naming_the_property() {
        assertThatThrownBy(() -> new JobLeases("a", TEN_S, Duration.ofSeconds(15), TEN_S))
                .hasMessageContaining("pairwise.jobs.lease-duration (PT15S) must be at least twice");
        assertThatThrownBy(() -> new JobLeases("a", Duration.ZERO, MINUTE, TEN_S))
                .hasMessageContaining("pairwise.jobs.heartbeat-interval");
        assertThatThrownBy(() -> new JobLeases("two words", TEN_S, MINUTE, TEN_S))
                .hasMessageContaining("pairwise.instance-id");
        assertThatThrownBy(() -> new JobLeases("x".repeat(65), TEN_S, MINUTE, TEN_S))
                .hasMessageContaining("pairwise.instance-id");
    }
}
