package dev.pairwise.app.connections;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pairwise.connections.*}: the key that encrypts stored API keys, and how calls retry.
 *
 * @param encryptionKey  base64 of 32 random bytes (AES-256), e.g. {@code openssl rand -base64 32};
 *                       blank: a key is generated once into {@link #keyFile} and read from there.
 *                       Several instances on one database need the same key (set it, or share the
 *                       data folder)
 * @param keyFile        where the generated key lives when none is configured: the data folder,
 *                       readable by the owner only
 * @param maxAttempts    tries per call, the first included, when the server answers 429 or 5xx or
 *                       cannot be reached (4: three retries ride out a server restart or a burst)
 * @param initialBackoff the wait before the first retry; it doubles each retry (with jitter)
 * @param maxBackoff     the longest wait between two tries
 * @param maxRetryAfter  the longest {@code Retry-After} a call waits for; a server asking for more
 *                       fails the call at once (a job should not sleep an hour on one prompt)
 */
@ConfigurationProperties("pairwise.connections")
public record ConnectionProperties(@Nullable String encryptionKey,
                                   @DefaultValue("./data/connections.key") Path keyFile,
                                   @DefaultValue("4") int maxAttempts,
                                   @DefaultValue("1s") Duration initialBackoff,
                                   @DefaultValue("30s") Duration maxBackoff,
                                   @DefaultValue("60s") Duration maxRetryAfter) {

    public ConnectionProperties {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("pairwise.connections.max-attempts must be between 1 and 20");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("pairwise.connections: 0 <= initial-backoff <= max-backoff, "
                    + "and max-retry-after >= 0");
        }
    }

    /** The retry schedule these settings describe. */
    RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter);
    }

    /** Never prints the configured key. */
    @Override
    public String toString() {
        return "ConnectionProperties[encryptionKey=" + (encryptionKey == null || encryptionKey.isBlank() ? "(none)" : "***")
                + ", keyFile=" + keyFile + ", maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
                + ", maxBackoff=" + maxBackoff + ", maxRetryAfter=" + maxRetryAfter + "]";
    }
}
