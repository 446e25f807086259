package dev.pairwise.app.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The exact binomial test against R's {@code binom.test} (its documented example) and against
 * sums of exact binomial probabilities computed independently with rational arithmetic
 * (Python's fractions: Σ C(n,i) p^i (1−p)^(n−i) over outcomes no likelier than the observed one).
 */
class BinomialTestTest {

    @Test
    void matches_r_binom_test_documented_example() {
        // R: binom.test(c(682, 243), p = 3/4) -> p-value = 0.3825
        assertThat(BinomialTest.twoSided(682, 925, 0.75)).isCloseTo(0.3824915595748517, within(1e-9));
    }

    @Test
    void matches_exact_sums_of_binomial_probabilities() {
        assertThat(BinomialTest.twoSided(9, 10, 0.5)).isCloseTo(0.021484375, within(1e-12));
        assertThat(BinomialTest.twoSided(0, 20, 0.5)).isCloseTo(1.9073486328125e-06, within(1e-15));
        assertThat(BinomialTest.twoSided(3, 10, 0.2)).isCloseTo(0.429574656, within(1e-9));
        assertThat(BinomialTest.twoSided(7, 40, 0.3)).isCloseTo(0.11859576263214845, within(1e-9));
        assertThat(BinomialTest.twoSided(5200, 10000, 0.5)).isCloseTo(6.593515598672442e-05, within(1e-10));
    }

    @Test
    void an_outcome_at_the_expected_rate_is_not_significant() {
        assertThat(BinomialTest.twoSided(5000, 10000, 0.5)).isCloseTo(1.0, within(1e-9));
        assertThat(BinomialTest.twoSided(0, 0, 0.5)).isEqualTo(1.0);
    }

    @Test
    void counts_outside_the_trials_are_refused() {
        assertThatThrownBy(() -> BinomialTest.twoSided(5, 4, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("successes <= trials");
        assertThatThrownBy(() -> BinomialTest.twoSided(1, 4, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p0");
    }

    @Test
    void log_gamma_gives_log_factorials() {
        assertThat(BinomialTest.logGamma(11)).isCloseTo(Math.log(3628800), within(1e-10));
        assertThat(BinomialTest.logGamma(1)).isCloseTo(0, within(1e-12));
    }
}
