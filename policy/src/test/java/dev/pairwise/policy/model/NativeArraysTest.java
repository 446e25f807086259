package dev.pairwise.policy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NativeArraysTest {

    @Test
    void arrays_hold_copies_of_java_data_of_every_type() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] f = {1.5f, -2f, 3f, 4f, 5f, 6f};
            NDArray a = NativeArrays.of(m, f, new Shape(2, 3));
            f[0] = 99f; // the array owns its copy
            assertThat(a.getShape()).isEqualTo(new Shape(2, 3));
            assertThat(a.toFloatArray()).containsExactly(1.5f, -2f, 3f, 4f, 5f, 6f);
            assertThat(NativeArrays.of(m, new double[] {0.25, 1e300}, new Shape(2)).toDoubleArray())
                    .containsExactly(0.25, 1e300);
            assertThat(NativeArrays.of(m, new int[] {7, -8}).toIntArray()).containsExactly(7, -8);
            assertThat(NativeArrays.of(m, new long[] {Long.MAX_VALUE, 3}).toLongArray())
                    .containsExactly(Long.MAX_VALUE, 3);
            assertThat(NativeArrays.of(m, new long[0]).getShape()).isEqualTo(new Shape(0));
            assertThat(NativeArrays.of(m, new int[] {1}).getDataType()).isEqualTo(DataType.INT32);
        }
    }

    @Test
    void copy_into_overwrites_in_place_and_keeps_the_gradient_flag() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.zeros(new Shape(2, 2));
            w.setRequiresGradient(true);
            NativeArrays.copyInto(w, NativeArrays.of(m, new float[] {1, 2, 3, 4}, new Shape(2, 2)));
            assertThat(w.toFloatArray()).containsExactly(1, 2, 3, 4);
            assertThat(w.hasGradient()).isTrue();
            assertThatThrownBy(() -> NativeArrays.copyInto(w, NativeArrays.of(m, new float[] {1, 2, 3})))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> NativeArrays.of(m, new float[] {1, 2, 3}, new Shape(2, 2)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 values");
        }
    }

    @Test
    void scalar_arithmetic_and_clip_match_plain_arithmetic_and_clamp_gradients() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = NativeArrays.of(m, new float[] {-2f, 0.5f, 1f, 3f});
            assertThat(NativeArrays.mul(x, 2).toFloatArray()).containsExactly(-4f, 1f, 2f, 6f);
            assertThat(NativeArrays.div(x, 2).toFloatArray()).containsExactly(-1f, 0.25f, 0.5f, 1.5f);
            assertThat(NativeArrays.add(x, 1).toFloatArray()).containsExactly(-1f, 1.5f, 2f, 4f);
            assertThat(NativeArrays.sub(x, 1).toFloatArray()).containsExactly(-3f, -0.5f, 0f, 2f);
            assertThat(NativeArrays.pow(NativeArrays.of(m, new float[] {4f}), -0.5).toFloatArray())
                    .containsExactly(0.5f);
            x.setRequiresGradient(true);
            try (GradientCollector c = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray y = NativeArrays.clip(x, -1, 1);
                assertThat(y.toFloatArray()).containsExactly(-1f, 0.5f, 1f, 1f);
                c.backward(y.sum());
            }
            // torch.clamp passes the gradient where lo <= x <= hi, bounds included
            assertThat(x.getGradient().toFloatArray()).containsExactly(0f, 1f, 1f, 0f);
        }
    }

    /**
     * The bug this class exists for: a scalar that autograd saves for the backward pass must
     * survive the garbage collector. DJL's {@code x.mul(3f)} saved a scalar over a Java buffer
     * that was freed at the next GC; the direct buffers allocated here reuse that memory.
     */
    @Test
    void a_scalar_saved_for_backward_survives_garbage_collection() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = NativeArrays.of(m, new float[] {1f, 2f});
            x.setRequiresGradient(true);
            try (GradientCollector c = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray y = NativeArrays.mul(x, 3).sum();
                List<ByteBuffer> reuse = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    System.gc();
                    ByteBuffer b = ByteBuffer.allocateDirect(4);
                    b.putFloat(0, Float.NaN);
                    reuse.add(b);
                }
                c.backward(y);
                assertThat(reuse).hasSize(20);
            }
            assertThat(x.getGradient().toFloatArray()).containsExactly(3f, 3f);
        }
    }
}
