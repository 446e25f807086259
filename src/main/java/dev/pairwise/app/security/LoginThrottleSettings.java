package dev.pairwise.app.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pairwise.security.login-throttle.*}: how hard repeated failed sign-ins are slowed down.
 * Failures are counted per account name and per client address; each kind has a number of
 * failures that are answered at once, after which every further failure makes the next attempt
 * wait, starting at {@code firstDelay} and doubling; the failure number {@code 2 × failures}
 * locks the account name (or address) for {@code lockout}.
 *
 * @param enabled          false switches throttling off (every attempt checks the password)
 * @param accountFailures  failures of one account name answered at once (5: enough for typos;
 *                         the account locks at the 10th)
 * @param addressFailures  failures from one address answered at once (20: several people behind
 *                         one NAT may mistype; the address locks at the 40th). Higher than the
 *                         account's, because it must also catch one password tried on many accounts
 * @param firstDelay       the wait after the first failure past the free ones (1 s; then 2, 4, 8 s…)
 * @param lockout          how long a lockout lasts, and how long failures are remembered after
 *                         the last one (15 min: 10 guesses per account per quarter hour)
 * @param maxTracked       account names (and, separately, addresses) remembered at most; the least
 *                         used are dropped first (50,000: about 10 MB each at the worst)
 */
@ConfigurationProperties("pairwise.security.login-throttle")
public record LoginThrottleSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5") int accountFailures,
        @DefaultValue("20") int addressFailures,
        @DefaultValue("1s") Duration firstDelay,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue("50000") int maxTracked) {

    public LoginThrottleSettings {
        if (accountFailures < 1 || addressFailures < 1) {
            throw new IllegalArgumentException(
                    "pairwise.security.login-throttle.account-failures and address-failures must be at least 1");
        }
        if (firstDelay.isNegative() || firstDelay.isZero() || lockout.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException(
                    "pairwise.security.login-throttle.first-delay must be positive and no longer than lockout");
        }
        if (maxTracked < 1) {
            throw new IllegalArgumentException("pairwise.security.login-throttle.max-tracked must be at least 1");
        }
    }
}
