package dev.pairwise.app.security;

import dev.pairwise.labeling.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.jspecify.annotations.Nullable;

/**
 * Personal API tokens for scripts ({@code Authorization: Bearer pw_...}). A token is shown once,
 * when it is created; only its SHA-256 is stored (table {@code api_tokens}), so a leaked database
 * does not leak usable tokens. 32 random bytes make the hash safe without a salt or slow KDF.
 *
 * <p>A token's account is remembered for {@code pairwise.security.token-cache-seconds} (default 5),
 * so a machine client sending hundreds of requests a second costs one lookup per token every few
 * seconds instead of one per request. Revoking a token, or disabling an account or changing its
 * roles on this instance, forgets the account's entries at once; on other instances sharing the
 * database the change acts when their entry runs out. 0 turns the cache off (a lookup on every
 * request, immediate everywhere).
 */
@Service
public class ApiTokenService {

    /** A token as listed to its owner: never the secret itself. */
    public record TokenInfo(long id, String name, Instant createdAt) {
    }

    /** A token just made: the only time its secret is seen. */
    public record IssuedToken(long id, String name, String token, Instant createdAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    /** Token hash -> its enabled account; null when caching is off. */
    private final @Nullable Cache<String, AccountPrincipal> principals;

    ApiTokenService(JdbcClient jdbc, ObjectProvider<Clock> clock,
                    @Value("${pairwise.security.token-cache-seconds:5}") int cacheSeconds) {
        if (cacheSeconds < 0) {
            throw new IllegalArgumentException("pairwise.security.token-cache-seconds must be >= 0, was " + cacheSeconds);
        }
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        // 10,000 tokens of well under 1 KB each: more clients than one instance serves, a few MB at most.
        this.principals = cacheSeconds == 0 ? null
                : Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(cacheSeconds)).maximumSize(10_000).build();
    }

    /**
     * Creates a token for the account and returns its secret, which is not stored anywhere.
     *
     * @throws InvalidInputException when the name is blank or longer than 64 characters
     */
    @Transactional
    public String create(long accountId, @Nullable String name) {
        return issue(accountId, name).token();
    }

    /**
     * Creates a token for the account and returns it with its id and time; the secret is not
     * stored anywhere.
     *
     * @throws InvalidInputException when the name is blank or longer than 64 characters
     */
    @Transactional
    public IssuedToken issue(long accountId, @Nullable String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 64) {
            throw new InvalidInputException("name", "Token name: give 1 to 64 characters.");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "pw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        // Microseconds: what both databases store, so the time returned equals the one listed later.
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        var key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO api_tokens (account_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)")
                .params(accountId, trimmed, sha256(token), Timestamp.from(now))
                .update(key, "id");
        return new IssuedToken(key.getKeyAs(Long.class), trimmed, token, now);
    }

    /** The account's tokens, newest first. */
    @Transactional(readOnly = true)
    public List<TokenInfo> list(long accountId) {
        return jdbc.sql("SELECT id, name, created_at FROM api_tokens WHERE account_id = ? ORDER BY id DESC")
                .param(accountId)
                .query((rs, i) -> new TokenInfo(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /**
     * Deletes one of the account's tokens; a token of another account is left alone.
     *
     * @return false when the account has no token with this id
     */
    @Transactional
    public boolean revoke(long accountId, long tokenId) {
        boolean deleted = jdbc.sql("DELETE FROM api_tokens WHERE id = ? AND account_id = ?").params(tokenId, accountId)
                .update() == 1;
        forgetAccount(accountId);
        return deleted;
    }

    /** The username of the enabled account that owns this token, if any. */
    public Optional<String> usernameForToken(String token) {
        return principalForToken(token).map(AccountPrincipal::getUsername);
    }

    /**
     * Forgets what this instance remembers of the account's tokens: called when a token is revoked
     * or the account is disabled or its roles change, so the next request reads it afresh.
     */
    public void forgetAccount(long accountId) {
        if (principals == null) {
            return;
        }
        principals.asMap().values().removeIf(p -> p.accountId() == accountId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // A request between now and the commit reads the old row and may remember it again.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    principals.asMap().values().removeIf(p -> p.accountId() == accountId);
                }
            });
        }
    }

    /**
     * The enabled account that owns this token, if any: one indexed query, or the answer of one a
     * few seconds old. Unknown tokens are never remembered, so a token is usable as soon as it is made.
     */
    Optional<AccountPrincipal> principalForToken(String token) {
        if (token.isEmpty()) {
            return Optional.empty();
        }
        String hash = sha256(token);
        if (principals == null) {
            return lookup(hash);
        }
        AccountPrincipal known = principals.getIfPresent(hash);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<AccountPrincipal> found = lookup(hash);
        found.ifPresent(p -> principals.put(hash, p));
        return found;
    }

    private Optional<AccountPrincipal> lookup(String hash) {
        return jdbc.sql("SELECT " + AccountPrincipal.COLUMNS + " FROM api_tokens t JOIN accounts a ON a.id = t.account_id "
                        + "WHERE t.token_hash = ? AND a.enabled = TRUE")
                .param(hash)
                .query(AccountPrincipal::fromRow)
                .optional()
                .filter(AccountPrincipal::isEnabled); // an AI judge's account is never enabled
    }

    static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
