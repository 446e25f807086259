package dev.pairwise.app.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused without checking the password, because the account name or the client
 * address failed too often lately. The API answers it 429 with {@code Retry-After}; the login
 * page says how long to wait.
 */
public class SignInThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    SignInThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins; try again in " + describe(retryAfter) + ".");
        this.retryAfter = retryAfter;
    }

    /** How long to wait before the next attempt may be checked. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The wait in words: "40 seconds", "15 minutes". */
    public String waitText() {
        return describe(retryAfter);
    }

    /** Whole seconds to wait, rounded up, at least 1: the value of a {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return wholeSeconds(retryAfter);
    }

    /** "1 second", "40 seconds", "3 minutes" (rounded up), "15 minutes". */
    static String describe(Duration wait) {
        long seconds = wholeSeconds(wait);
        if (seconds < 90) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }

    private static long wholeSeconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }
}
