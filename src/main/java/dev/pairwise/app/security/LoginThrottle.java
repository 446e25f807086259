package dev.pairwise.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed sign-ins per account name and per client address, and says how long the next
 * attempt must wait ({@link LoginThrottleSettings}: a few failures free, then a doubling wait,
 * then a lockout). An attempt that must wait is refused before the account is read or a bcrypt
 * is spent, so a guessing client costs almost nothing once it is throttled.
 *
 * <p>A success clears its account's failures. It does not clear its address's: otherwise one
 * valid account, signed in between guesses, would reset the count of a client that tries one
 * password on many accounts. An address's failures are forgotten {@code lockout} after the last.
 *
 * <p>The counters are in memory, per app instance (several instances multiply the attempts an
 * attacker gets by their number), in two Caffeine caches bounded by {@code maxTracked}. The
 * success path reads them without a lock and writes them only when there is something to clear.
 */
final class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    /** Failures so far and the {@code nanoTime} until which attempts are refused. Immutable. */
    private record Failures(int count, long blockedUntil) {
    }

    private final boolean enabled;
    private final long firstDelayNanos;
    private final long lockoutNanos;
    private final LongSupplier nanoTime;
    private final Tier accounts;
    private final Tier addresses;

    LoginThrottle(LoginThrottleSettings settings) {
        this(settings, System::nanoTime);
    }

    LoginThrottle(LoginThrottleSettings settings, LongSupplier nanoTime) {
        this.enabled = settings.enabled();
        this.firstDelayNanos = settings.firstDelay().toNanos();
        this.lockoutNanos = settings.lockout().toNanos();
        this.nanoTime = nanoTime;
        this.accounts = new Tier("account", settings.accountFailures(), settings.maxTracked());
        this.addresses = new Tier("address", settings.addressFailures(), settings.maxTracked());
    }

    /**
     * How long an attempt for {@code username} from {@code address} must still wait before its
     * password may be checked; empty when it may be checked now.
     */
    Optional<Duration> waitBefore(String username, String address) {
        if (!enabled) {
            return Optional.empty();
        }
        long now = nanoTime.getAsLong();
        long wait = Math.max(accounts.remaining(username, now), addresses.remaining(address, now));
        if (wait <= 0) {
            return Optional.empty();
        }
        LOG.debug("Sign-in for account '{}' from {} refused: throttled for {} more ms", printable(username),
                printable(address), TimeUnit.NANOSECONDS.toMillis(wait));
        return Optional.of(Duration.ofNanos(wait));
    }

    /** Counts a wrong password (or an unknown account name) and logs it, without the password. */
    void failed(String username, String address) {
        if (!enabled) {
            LOG.warn("Sign-in failed for account '{}' from {}", printable(username), printable(address));
            return;
        }
        long now = nanoTime.getAsLong();
        Failures account = accounts.fail(username, now);
        Failures from = addresses.fail(address, now);
        long wait = Math.max(account.blockedUntil(), from.blockedUntil()) - now;
        LOG.warn("Sign-in failed for account '{}' from {} (failure {} of the account, {} from the address){}",
                printable(username), printable(address), account.count(), from.count(),
                wait > 0 ? "; next attempt in " + SignInThrottledException.describe(Duration.ofNanos(wait)) : "");
        accounts.logLockout(username, account);
        addresses.logLockout(address, from);
    }

    /** A correct password: the account's failures are forgotten. */
    void succeeded(String username) {
        if (enabled) {
            accounts.clear(username);
        }
    }

    /** How many account names and addresses are remembered now (for tests: the bound holds). */
    long tracked() {
        return accounts.size() + addresses.size();
    }

    /** The wait after the {@code n}th failure when {@code free} are free: doubling, at most the lockout. */
    private long delayAfter(int n, int free) {
        if (n >= 2 * free) {
            return lockoutNanos;
        }
        if (n <= free) {
            return 0;
        }
        long delay = firstDelayNanos;
        for (int i = free + 1; i < n && delay < lockoutNanos; i++) {
            delay *= 2; // cannot overflow: it stops once past the lockout, which is far below Long.MAX_VALUE / 2
        }
        return Math.min(delay, lockoutNanos);
    }

    /** Log lines carry what a client sent: no control characters, no unbounded length. */
    static String printable(String text) {
        String cut = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** The failures of one kind of key (account names or addresses). */
    private final class Tier {

        private final String kind;
        private final int free;
        private final Cache<String, Failures> failures;

        Tier(String kind, int free, int maxTracked) {
            this.kind = kind;
            this.free = free;
            this.failures = Caffeine.newBuilder()
                    .maximumSize(maxTracked)
                    .expireAfterWrite(lockoutNanos, TimeUnit.NANOSECONDS)
                    .ticker(nanoTime::getAsLong)
                    .build();
        }

        long remaining(String key, long now) {
            Failures f = failures.getIfPresent(key);
            return f == null ? 0 : f.blockedUntil() - now;
        }

        Failures fail(String key, long now) {
            return failures.asMap().compute(key, (k, f) -> {
                int n = (f == null ? 0 : f.count()) + 1;
                return new Failures(n, now + delayAfter(n, free));
            });
        }

        void logLockout(String key, Failures f) {
            if (f.count() == 2 * free) {
                LOG.warn("Sign-in locked for {} '{}' for {} after {} failures", kind, printable(key),
                        SignInThrottledException.describe(Duration.ofNanos(lockoutNanos)), f.count());
            }
        }

        long size() {
            failures.cleanUp();
            return failures.estimatedSize();
        }

        void clear(String key) {
            if (failures.getIfPresent(key) != null) {
                failures.invalidate(key);
            }
        }
    }
}
