package dev.pairwise.policy.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RopeTest {

    @Test
    void rotated_query_key_products_depend_only_on_the_relative_position() {
        int positions = 32;
        int hd = 8;
        float[][] tables = Rope.tables(positions, hd, 10000);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray cos = m.create(tables[0], new Shape(positions, hd));
            NDArray sin = m.create(tables[1], new Shape(positions, hd));
            SplittableRandom r = new SplittableRandom(1);
            float[] q = new float[hd];
            float[] k = new float[hd];
            for (int i = 0; i < hd; i++) {
                q[i] = (float) r.nextGaussian();
                k[i] = (float) r.nextGaussian();
            }
            // the same q and k at every position: (positions, hd)
            NDArray qs = m.create(q).broadcast(new Shape(positions, hd));
            NDArray ks = m.create(k).broadcast(new Shape(positions, hd));
            NDArray rq = Rope.apply(qs, cos, sin);
            NDArray rk = Rope.apply(ks, cos, sin);
            float[] scores = rq.matMul(rk.transpose()).toFloatArray(); // (positions, positions)
            for (int offset : new int[] {0, 1, 5, 17}) {
                float first = scores[offset * positions];
                for (int n = 1; n + offset < positions; n++) {
                    assertThat(scores[(n + offset) * positions + n]).as("m - n = %d at n = %d", offset, n)
                            .isCloseTo(first, Offset.offset(2e-4f));
                }
            }
            // and the rotation keeps norms (it is a rotation) and is the identity at position 0
            assertThat(rq.get(new NDIndex("0")).toFloatArray()).containsExactly(q);
            float n0 = rq.get(new NDIndex("0")).norm().getFloat();
            float n9 = rq.get(new NDIndex("9")).norm().getFloat();
            assertThat(n9).isCloseTo(n0, Offset.offset(1e-4f));
            assertThat(scores[positions + 3]).isNotCloseTo(scores[3 * positions + 1], Offset.offset(1e-3f));
        }
    }
}
