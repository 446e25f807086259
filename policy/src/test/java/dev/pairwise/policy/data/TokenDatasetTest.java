package dev.pairwise.policy.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class TokenDatasetTest {

    private static int[] ramp(int n, int vocab) {
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = i % vocab;
        }
        return t;
    }

    @Test
    void targets_are_the_inputs_shifted_by_one_and_batches_repeat_for_the_same_counter() {
        TokenDataset d = new TokenDataset(ramp(1000, 50), 50, 8, 0.1);
        assertThat(d.trainTokens()).isEqualTo(900);
        assertThat(d.valTokens()).isEqualTo(100);
        try (NDManager m = NDManager.newBaseManager()) {
            NDList b1 = d.batch(m, TokenDataset.Split.TRAIN, 3, 8, TokenDataset.rng(7, 0, 12, 0));
            NDList b2 = d.batch(m, TokenDataset.Split.TRAIN, 3, 8, TokenDataset.rng(7, 0, 12, 0));
            NDList b3 = d.batch(m, TokenDataset.Split.TRAIN, 3, 8, TokenDataset.rng(7, 0, 13, 0));
            long[] x = b1.get(0).toLongArray();
            long[] y = b1.get(1).toLongArray();
            for (int i = 0; i < x.length; i++) {
                assertThat(y[i]).isEqualTo((x[i] + 1) % 50);
            }
            assertThat(b2.get(0).toLongArray()).containsExactly(x);
            assertThat(b3.get(0).toLongArray()).isNotEqualTo(x);
            long[] v = d.batch(m, TokenDataset.Split.VAL, 2, 8, TokenDataset.rng(7, 2, 0, 0)).get(0).toLongArray();
            // validation windows start in the last 10%: positions 900.. hold ids 0.. again (900 % 50 = 0)
            for (long id : v) {
                assertThat(id).isBetween(0L, 49L);
            }
        }
    }

    @Test
    void an_empty_corpus_is_refused() {
        assertThatThrownBy(() -> new TokenDataset(new int[0], 10, 8, 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("corpus is empty");
    }

    @Test
    void a_corpus_too_short_for_one_window_is_refused() {
        assertThatThrownBy(() -> new TokenDataset(ramp(50, 10), 10, 8, 0.1))
                .hasMessageContaining("corpus too short").hasMessageContaining("at least 10");
    }

    @Test
    void ids_outside_the_vocabulary_are_refused() {
        int[] t = ramp(500, 10);
        t[77] = 10;
        assertThatThrownBy(() -> new TokenDataset(t, 10, 8, 0.1)).hasMessageContaining("token id 10 at position 77");
    }
}
