package dev.pairwise.corpus.minhash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LshBandsTest {

    /** Expected b, r from datasketch's _optimal_param (scipy.integrate.quad, equal weights), run in Python. */
    @ParameterizedTest
    @CsvSource({"0.8,128,9,13", "0.5,128,25,5", "0.9,128,5,25", "0.7,256,25,10", "0.8,64,5,11", "0.8,256,17,15"})
    void optimal_bands_and_rows_match_datasketch(double threshold, int permutations, int bands, int rows) {
        assertThat(LshBands.optimal(threshold, permutations)).isEqualTo(new LshBands(bands, rows));
    }

    /** datasketch's _optimal_param with weights (0.05, 0.95), run in Python. */
    @Test
    void bands_for_verified_candidates_miss_few_pairs_above_the_threshold() {
        LshBands verified = LshBands.forVerifiedCandidates(0.8, 128);
        assertThat(verified).isEqualTo(new LshBands(16, 8));
        assertThat(verified.candidateProbability(0.8)).isGreaterThan(0.94);
        assertThat(verified.candidateProbability(0.85)).isGreaterThan(0.99);
        // the balanced curve, for comparison: centred on the threshold
        assertThat(LshBands.optimal(0.8, 128).candidateProbability(0.8)).isLessThan(0.41);
        assertThat(verified.falseNegativeArea(0.8)).isLessThan(LshBands.optimal(0.8, 128).falseNegativeArea(0.8) / 5);
    }

    @Test
    void the_error_areas_match_datasketch_for_the_default() {
        LshBands b = LshBands.optimal(0.8, 128);
        // scipy.integrate.quad values for b=9, r=13, t=0.8
        assertThat(b.falsePositiveArea(0.8)).isCloseTo(0.025311863203367216, within(1e-9));
        assertThat(b.falseNegativeArea(0.8)).isCloseTo(0.033282136012204096, within(1e-9));
    }

    @Test
    void the_candidate_probability_is_the_s_curve_of_mining_of_massive_datasets() {
        // MMDS §3.4.2 example: b = 20, r = 5; s = 0.8 gives 0.99965, s = 0.3 gives 0.0475
        LshBands b = new LshBands(20, 5);
        assertThat(b.candidateProbability(0.8)).isCloseTo(0.99965, within(1e-5));
        assertThat(b.candidateProbability(0.3)).isCloseTo(0.0475, within(1e-4));
        assertThat(b.candidateProbability(0)).isZero();
        assertThat(b.candidateProbability(1)).isEqualTo(1.0);
    }

    @Test
    void measured_candidate_rate_follows_the_s_curve() {
        LshBands bands = new LshBands(9, 13);
        Random random = new Random(11);
        int trials = 4000;
        double s = 0.85;
        int hits = 0;
        for (int t = 0; t < trials; t++) {
            long[] x = new long[117];
            long[] y = new long[117];
            for (int i = 0; i < 117; i++) {
                x[i] = random.nextLong();
                y[i] = random.nextDouble() < s ? x[i] : random.nextLong();
            }
            for (int band = 0; band < 9; band++) {
                if (bands.bucket(x, band) == bands.bucket(y, band)) {
                    hits++;
                    break;
                }
            }
        }
        double p = bands.candidateProbability(s);
        double se = Math.sqrt(p * (1 - p) / trials);
        assertThat((double) hits / trials).isCloseTo(p, within(4 * se));
    }

    @Test
    void thresholds_outside_zero_to_one_are_refused() {
        assertThatThrownBy(() -> LshBands.optimal(1.0, 128)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> LshBands.optimal(0.8, 0)).hasMessageContaining("permutations");
    }
}
