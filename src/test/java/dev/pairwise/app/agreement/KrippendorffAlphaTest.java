package dev.pairwise.app.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Nominal α against the worked examples of Krippendorff, "Computing Krippendorff's
 * Alpha-Reliability" (2011, Annenberg School for Communication, University of Pennsylvania),
 * whose data matrices are reproduced here (observers as rows, units as columns, null = missing);
 * the paper prints α to three decimals.
 */
class KrippendorffAlphaTest {

    /** Example A: binary data, two observers, no missing data (10 units); α = 0.095. */
    @Test
    void example_a_binary_two_observers_gives_0_095() {
        Integer[][] data = {
                {0, 1, 0, 0, 0, 0, 0, 0, 1, 0},
                {1, 1, 1, 0, 0, 1, 0, 0, 0, 0}};
        KrippendorffAlpha<Integer> alpha = alphaOf(data);
        assertThat(alpha.alpha()).isCloseTo(0.095, within(0.0005));
        assertThat(alpha.alpha()).isCloseTo(1 - 19.0 * 4 / (14 * 6), within(1e-12)); // the paper's 1 − (n−1)·o01/(n0·n1)
        assertThat(alpha.pairableUnits()).isEqualTo(10);
    }

    /**
     * Example C: nominal data, four observers, missing data (12 units, values 1–5): unit 12 has one
     * value and is left out, n = 40; α = 0.743.
     */
    @Test
    void example_c_nominal_four_observers_with_missing_data_gives_0_743() {
        Integer[][] data = {
                {1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null},
                {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3},
                {null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null},
                {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null}};
        KrippendorffAlpha<Integer> alpha = alphaOf(data);
        assertThat(alpha.alpha()).isCloseTo(0.743, within(0.0005));
        assertThat(alpha.pairableUnits()).isEqualTo(11);
    }

    @Test
    void perfect_agreement_is_1_and_a_single_value_everywhere_is_undefined() {
        KrippendorffAlpha<String> alpha = new KrippendorffAlpha<>();
        alpha.addUnit(List.of("a", "a"));
        alpha.addUnit(List.of("b", "b", "b"));
        assertThat(alpha.alpha()).isEqualTo(1.0);
        KrippendorffAlpha<String> constant = new KrippendorffAlpha<>();
        constant.addUnit(List.of("a", "a"));
        constant.addUnit(List.of("a"));
        assertThat(constant.alpha()).isNaN();
        assertThat(new KrippendorffAlpha<String>().alpha()).isNaN();
    }

    private static KrippendorffAlpha<Integer> alphaOf(Integer[][] observersByUnits) {
        KrippendorffAlpha<Integer> alpha = new KrippendorffAlpha<>();
        for (int u = 0; u < observersByUnits[0].length; u++) {
            List<Integer> values = new ArrayList<>();
            for (Integer[] observer : observersByUnits) {
                values.add(observer[u]);
            }
            alpha.addUnit(values.stream().filter(Objects::nonNull).toList());
        }
        return alpha;
    }
}
