package dev.pairwise.app.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.jspecify.annotations.Nullable;

/**
 * bcrypt, remembering for a short while which (password, stored hash) pairs it has verified, so an
 * API client signing every request with HTTP basic pays one bcrypt a minute instead of one a
 * request (50-100 ms of CPU each). Only successful checks are remembered; a wrong password always
 * costs a full bcrypt.
 *
 * <p>The key is an HMAC-SHA-256, under a random key made at start-up, of the account's stored hash
 * and the password: the stored hash names the account (its salt is unique) and its current
 * password, so a changed or reset password never matches an old entry. Whether the account is
 * enabled and which roles it holds is not remembered here: Spring Security reads the account (one
 * query) before it checks the password, so disabling or demoting an account acts at the next
 * request on every app instance. Entries live {@code ttl}, and at most {@code maxEntries} are kept
 * (when full, expired ones are dropped first, then everything: the cache is only a shortcut).
 */
final class CachingPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final SecretKeySpec key;
    /** HMAC of (hash, password) -> System.nanoTime() at which it expires. */
    private final ConcurrentHashMap<String, Long> verified = new ConcurrentHashMap<>();

    CachingPasswordEncoder(PasswordEncoder delegate, Duration ttl, int maxEntries) {
        this(delegate, ttl, maxEntries, System::nanoTime);
    }

    CachingPasswordEncoder(PasswordEncoder delegate, Duration ttl, int maxEntries, LongSupplier nanoTime) {
        if (ttl.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("ttl must be >= 0 and maxEntries >= 1");
        }
        this.delegate = delegate;
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public @Nullable String encode(@Nullable CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
        if (ttlNanos == 0 || rawPassword == null || encodedPassword == null || encodedPassword.isEmpty()) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String entry = hmac(encodedPassword, rawPassword);
        long now = nanoTime.getAsLong();
        Long expires = verified.get(entry);
        if (expires != null && now - expires < 0) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            remember(entry, now + ttlNanos, now);
        } else if (expires != null) {
            verified.remove(entry);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(@Nullable String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    /** How many verified pairs are remembered now (expired ones included until swept). */
    int size() {
        return verified.size();
    }

    private void remember(String entry, long expires, long now) {
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(e -> now - e >= 0);
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
        }
        verified.put(entry, expires);
    }

    private String hmac(String encodedPassword, CharSequence rawPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            // A separator that neither a bcrypt hash nor (in practice) a password contains.
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every JDK has HmacSHA256", e);
        }
    }
}
