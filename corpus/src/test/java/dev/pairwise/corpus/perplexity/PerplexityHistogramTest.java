package dev.pairwise.corpus.perplexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PerplexityHistogramTest {

    @Test
    void the_percentile_is_within_one_bin_of_the_exact_order_statistic() {
        Random random = new Random(5);
        double[] values = new double[10_001];
        PerplexityHistogram h = new PerplexityHistogram();
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp(2 + 3 * random.nextGaussian());
            h.add(values[i]);
        }
        Arrays.sort(values);
        for (double pct : new double[] {10, 33, 50, 90, 99}) {
            double exact = values[(int) Math.ceil(values.length * pct / 100) - 1];
            double threshold = h.percentile(pct);
            assertThat(threshold).isGreaterThanOrEqualTo(Math.max(1, exact));
            assertThat(Math.log(threshold) - Math.log(Math.max(1, exact))).isCloseTo(0, within(0.0011));
        }
    }

    @Test
    void merged_histograms_count_both_and_nan_is_not_counted() {
        PerplexityHistogram a = new PerplexityHistogram();
        PerplexityHistogram b = new PerplexityHistogram();
        a.add(10);
        b.add(100);
        b.add(Double.NaN);
        a.merge(b);
        assertThat(a.total()).isEqualTo(2);
        assertThat(a.percentile(50)).isCloseTo(10, within(0.02));
        assertThat(a.percentile(100)).isInfinite();
    }
}
