package dev.pairwise.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The throttle's arithmetic on a clock the test moves: free failures, doubling waits, lockout, reset. */
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private LoginThrottle throttle(int accountFailures, int addressFailures) {
        return new LoginThrottle(new LoginThrottleSettings(true, accountFailures, addressFailures,
                Duration.ofSeconds(1), Duration.ofMinutes(15), 1000), now::get);
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    private static Duration waitOf(LoginThrottle t, String user, String address) {
        return t.waitBefore(user, address).orElse(Duration.ZERO);
    }

    @Test
    void free_failures_are_answered_at_once_then_the_wait_doubles_then_the_account_locks(CapturedOutput log) {
        LoginThrottle t = throttle(5, 100);
        for (int i = 1; i <= 5; i++) {
            assertThat(t.waitBefore("ann", "10.0.0.1")).as("before failure %d", i).isEmpty();
            t.failed("ann", "10.0.0.1");
        }
        Duration[] expected = {Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8)};
        for (Duration wait : expected) {
            assertThat(waitOf(t, "ann", "10.0.0.1")).isZero(); // the last failure came after the previous wait
            t.failed("ann", "10.0.0.1");
            assertThat(waitOf(t, "ann", "10.0.0.1")).isEqualTo(wait);
            advance(wait.minusMillis(1));
            assertThat(waitOf(t, "ann", "10.0.0.1")).isEqualTo(Duration.ofMillis(1));
            advance(Duration.ofMillis(1));
        }
        t.failed("ann", "10.0.0.1"); // the 10th
        assertThat(waitOf(t, "ann", "10.0.0.1")).isEqualTo(Duration.ofMinutes(15));
        assertThat(waitOf(t, "ann", "10.0.0.2")).as("the account, from anywhere").isEqualTo(Duration.ofMinutes(15));
        assertThat(waitOf(t, "bob", "10.0.0.2")).as("other accounts elsewhere").isZero();

        advance(Duration.ofMinutes(15));
        assertThat(t.waitBefore("ann", "10.0.0.1")).as("after the lockout, a fresh start").isEmpty();
        t.failed("ann", "10.0.0.1");
        assertThat(t.waitBefore("ann", "10.0.0.1")).isEmpty();

        assertThat(log.getOut()).contains("Sign-in failed for account 'ann' from 10.0.0.1 (failure 1 of the account")
                .contains("failure 6 of the account, 6 from the address); next attempt in 1 second")
                .contains("Sign-in locked for account 'ann' for 15 minutes after 10 failures");
    }

    @Test
    void a_success_clears_the_account_but_not_the_address() {
        LoginThrottle t = throttle(2, 3);
        t.failed("ann", "10.0.0.1");
        t.failed("ann", "10.0.0.1");
        t.succeeded("ann");
        t.failed("ann", "10.0.0.1");
        t.failed("ann", "10.0.0.1");
        assertThat(t.waitBefore("ann", "10.0.0.9")).as("2 failures since the success: still free").isEmpty();
        assertThat(t.waitBefore("carl", "10.0.0.1")).as("4 failures from the address: over its 3")
                .hasValue(Duration.ofSeconds(1));
    }

    @Test
    void one_address_trying_many_accounts_is_slowed_by_its_own_count() {
        LoginThrottle t = throttle(5, 3);
        for (int i = 0; i < 3; i++) {
            t.failed("user" + i, "10.0.0.7");
        }
        assertThat(t.waitBefore("user9", "10.0.0.7")).isEmpty();
        t.failed("user3", "10.0.0.7");
        assertThat(t.waitBefore("user9", "10.0.0.7")).hasValue(Duration.ofSeconds(1));
        assertThat(t.waitBefore("user9", "10.0.0.8")).isEmpty();
        for (int i = 4; i < 6; i++) {
            advance(Duration.ofMinutes(1));
            t.failed("user" + i, "10.0.0.7");
        }
        assertThat(t.waitBefore("user9", "10.0.0.7")).as("6th failure = 2 × 3: locked").hasValue(Duration.ofMinutes(15));
    }

    @Test
    void memory_stays_bounded_however_many_names_fail() {
        LoginThrottle t = new LoginThrottle(new LoginThrottleSettings(true, 5, 20, Duration.ofSeconds(1),
                Duration.ofMinutes(15), 100), now::get);
        for (int i = 0; i < 5000; i++) {
            t.failed("name-" + i, "10.0." + (i / 250) + "." + (i % 250));
        }
        assertThat(t.tracked()).isLessThanOrEqualTo(200);
    }

    @Test
    void switched_off_it_never_refuses_but_still_logs(CapturedOutput log) {
        LoginThrottle t = new LoginThrottle(new LoginThrottleSettings(false, 1, 1, Duration.ofSeconds(1),
                Duration.ofMinutes(15), 100), now::get);
        for (int i = 0; i < 20; i++) {
            t.failed("ann", "10.0.0.1");
        }
        assertThat(t.waitBefore("ann", "10.0.0.1")).isEmpty();
        assertThat(log.getOut()).contains("Sign-in failed for account 'ann' from 10.0.0.1");
    }

    @Test
    void log_lines_get_no_control_characters_and_no_unbounded_names() {
        assertThat(LoginThrottle.printable("eve\r\nINFO forged line")).isEqualTo("eve??INFO forged line");
        assertThat(LoginThrottle.printable("x".repeat(500))).hasSize(65);
    }

    @Test
    void the_defaults_are_the_readme_s() {
        LoginThrottleSettings defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("pairwise.security.login-throttle", LoginThrottleSettings.class);
        assertThat(defaults).isEqualTo(new LoginThrottleSettings(true, 5, 20, Duration.ofSeconds(1),
                Duration.ofMinutes(15), 50_000));
    }

    @Test
    void waits_read_as_words_and_retry_after_rounds_up() {
        assertThat(new SignInThrottledException(Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new SignInThrottledException(Duration.ofMillis(2500)).retryAfterSeconds()).isEqualTo(3);
        assertThat(SignInThrottledException.describe(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(SignInThrottledException.describe(Duration.ofSeconds(40))).isEqualTo("40 seconds");
        assertThat(SignInThrottledException.describe(Duration.ofSeconds(14 * 60 + 1))).isEqualTo("15 minutes");
    }
}
