package dev.pairwise.policy.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class AdamWTest {

    /** PyTorch's AdamW (torch.optim.AdamW, single tensor) in plain Java doubles, the reference. */
    static double[] referenceAdamW(double[] p0, double[][] grads, double lr, double wd, double b1, double b2,
                                   double eps, double scale) {
        double[] p = p0.clone();
        double[] m = new double[p.length];
        double[] v = new double[p.length];
        for (int t = 1; t <= grads.length; t++) {
            double bc1 = 1 - Math.pow(b1, t);
            double bc2 = 1 - Math.pow(b2, t);
            for (int i = 0; i < p.length; i++) {
                double g = grads[t - 1][i] * scale;
                p[i] *= 1 - lr * wd;
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                p[i] -= lr / bc1 * m[i] / (Math.sqrt(v[i]) / Math.sqrt(bc2) + eps);
            }
        }
        return p;
    }

    @Test
    void matches_pytorch_adamw_and_decays_only_matrices() {
        double[] w0 = {0.5, -0.25, 0.125, 1.0};
        double[][] grads = {{0.1, -0.2, 0.3, 1e-9}, {0.05, 0.4, -0.3, 2e-9}, {-0.1, 0.1, 0.2, 0.0}};
        double lr = 0.01;
        double wd = 0.1;
        double scale = 0.5;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray matrix = m.create(toFloats(w0), new Shape(2, 2));
            NDArray vector = m.create(toFloats(w0), new Shape(4));
            Map<String, NDArray> params = new LinkedHashMap<>();
            params.put("w", matrix);
            params.put("g", vector);
            params.values().forEach(p -> p.setRequiresGradient(true));
            try (AdamW opt = new AdamW(params, m)) {
                for (double[] g : grads) {
                    try (NDManager step = m.newSubManager()) {
                        NDArray c = step.create(toFloats(g));
                        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                            NDArray loss = matrix.reshape(4).mul(c).sum().add(vector.mul(c).sum());
                            gc.backward(loss);
                        }
                        opt.update(lr, wd, 0.9, 0.99, 1e-8, (float) scale, step);
                    }
                }
                double[] wantMatrix = referenceAdamW(w0, grads, lr, wd, 0.9, 0.99, 1e-8, scale);
                double[] wantVector = referenceAdamW(w0, grads, lr, 0.0, 0.9, 0.99, 1e-8, scale);
                float[] gotMatrix = matrix.toFloatArray();
                float[] gotVector = vector.toFloatArray();
                for (int i = 0; i < 4; i++) {
                    assertThat((double) gotMatrix[i]).isCloseTo(wantMatrix[i], Offset.offset(1e-6));
                    assertThat((double) gotVector[i]).isCloseTo(wantVector[i], Offset.offset(1e-6));
                }
                assertThat(opt.step()).isEqualTo(3);
                // the gradients were zeroed after the update
                try (NDManager s = m.newSubManager()) {
                    assertThat(opt.gradNorm(s)).isZero();
                }
            }
        }
    }

    @Test
    void global_gradient_norm_is_the_norm_over_all_parameters() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {1, 2}, new Shape(1, 2));
            NDArray b = m.create(new float[] {3});
            a.setRequiresGradient(true);
            b.setRequiresGradient(true);
            Map<String, NDArray> params = Map.of("a", a, "b", b);
            try (AdamW opt = new AdamW(params, m)) {
                try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                    // d/da = (3, 4), d/db = 12 -> norm 13
                    gc.backward(a.mul(m.create(new float[] {3, 4}, new Shape(1, 2))).sum().add(b.mul(12).sum()));
                }
                try (NDManager s = m.newSubManager()) {
                    assertThat(opt.gradNorm(s)).isCloseTo(13f, Offset.offset(1e-5f));
                }
            }
        }
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
