package dev.pairwise.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class CachingPasswordEncoderTest {

    /** Real bcrypt (lowest cost), counting the checks that reach it. */
    private static final class CountingBcrypt implements PasswordEncoder {
        final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }

    private final CountingBcrypt bcrypt = new CountingBcrypt();
    private final AtomicLong now = new AtomicLong(1_000);
    private final CachingPasswordEncoder encoder =
            new CachingPasswordEncoder(bcrypt, Duration.ofNanos(60), 100, now::get);

    @Test
    void a_verified_password_is_answered_without_bcrypt_until_its_entry_expires() {
        String hash = encoder.encode("correct horse");
        assertThat(encoder.matches("correct horse", hash)).isTrue();
        assertThat(encoder.matches("correct horse", hash)).isTrue();
        now.addAndGet(59);
        assertThat(encoder.matches("correct horse", hash)).isTrue();
        assertThat(bcrypt.checks).hasValue(1);
        now.addAndGet(1);
        assertThat(encoder.matches("correct horse", hash)).isTrue();
        assertThat(bcrypt.checks).hasValue(2);
    }

    @Test
    void a_wrong_password_is_never_remembered_and_always_costs_a_bcrypt() {
        String hash = encoder.encode("correct horse");
        assertThat(encoder.matches("correct horse", hash)).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(encoder.matches("correct horsE", hash)).isFalse();
        }
        assertThat(bcrypt.checks).hasValue(4);
        assertThat(encoder.size()).isEqualTo(1);
    }

    @Test
    void a_new_hash_for_the_same_password_or_another_account_is_checked_afresh() {
        String mine = encoder.encode("shared secret");
        String theirs = encoder.encode("shared secret");
        assertThat(encoder.matches("shared secret", mine)).isTrue();
        assertThat(encoder.matches("shared secret", theirs)).isTrue();
        assertThat(bcrypt.checks).hasValue(2);
        String changed = encoder.encode("new secret");
        assertThat(encoder.matches("shared secret", changed)).isFalse();
        assertThat(bcrypt.checks).hasValue(3);
    }

    @Test
    void the_cache_stays_within_its_bound() {
        var small = new CachingPasswordEncoder(bcrypt, Duration.ofSeconds(60), 2, now::get);
        for (int i = 0; i < 5; i++) {
            String password = "password-" + i;
            assertThat(small.matches(password, bcrypt.encode(password))).isTrue();
            assertThat(small.size()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void a_zero_ttl_turns_the_cache_off() {
        var off = new CachingPasswordEncoder(bcrypt, Duration.ZERO, 100, now::get);
        String hash = off.encode("correct horse");
        assertThat(off.matches("correct horse", hash)).isTrue();
        assertThat(off.matches("correct horse", hash)).isTrue();
        assertThat(bcrypt.checks).hasValue(2);
        assertThat(off.size()).isZero();
    }
}
