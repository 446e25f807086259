package dev.pairwise.policy.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.pairwise.policy.model.GptModel;
import org.junit.jupiter.api.Test;

class MemoryTest {

    private static final int WINDOWS = 5;
    private static final int STEPS_PER_WINDOW = 300;
    private static final long MAX_MEDIAN_GROWTH_KIB = 48;

    @Test
    void native_memory_stops_growing_over_thousands_of_steps() {
        TrainConfig tc = new TrainConfig(100_000, 2, 1, 1e-3, 1e-4, 10, 0.1, 0.9, 0.99, 1e-8, 1.0, 0, 2, 1);
        try (OneThread one = OneThread.enter();
             GptModel model = GptModel.create(TinyRuns.model(true).withContextLength(8), 1, Device.cpu());
             Pretrainer trainer = new Pretrainer(model, TinyRuns.dataset(8), tc)) {
            NDManager params = model.parameters().values().iterator().next().getManager();
            NDManager optimizer = trainer.optimizer().state().values().iterator().next().getManager();
            NDManager root = optimizer.getParentManager();
            int paramArrays = params.getManagedArrays().size();
            int optimizerArrays = optimizer.getManagedArrays().size();
            int rootArrays = root.getManagedArrays().size();
            for (int i = 0; i < 300; i++) {
                trainer.trainStep();
            }
            trainer.evaluate();
            long[] growth = windows(() -> {
                trainer.trainStep();
                return null;
            }, trainer::evaluate);
            assertThat(params.getManagedArrays()).hasSize(paramArrays);
            assertThat(optimizer.getManagedArrays()).hasSize(optimizerArrays);
            assertThat(root.getManagedArrays()).hasSize(rootArrays);
            // What a native leak grows is the memory malloc has handed out (not the resident set,
            // which also moves when the allocator grows an arena or the JVM its heap); and it
            // grows it in every window by about the same amount, while the JVM's own occasional
            // mallocs (a compiler arena, a symbol table) land in one window. So the median window
            // measures the leak: one leaked activation of this model per step (B·T·C floats,
            // 2 KiB) would add 600 KiB to every window, one leaked scalar tensor about 100 KiB.
            assertThat(median(growth)).as("median growth of malloc'd memory per %d steps in KiB, windows %s",
                    STEPS_PER_WINDOW, java.util.Arrays.toString(growth)).isLessThan(MAX_MEDIAN_GROWTH_KIB);
        }
    }

    /** The measure sees a leak: one 0-d tensor per step, never freed until the end. */
    @Test
    void a_leak_of_one_scalar_tensor_per_step_is_seen() {
        try (NDManager leaked = NDManager.newBaseManager(Device.cpu())) {
            long[] growth = windows(() -> leaked.zeros(new ai.djl.ndarray.types.Shape()), () -> null);
            assertThat(median(growth)).as("windows %s", java.util.Arrays.toString(growth))
                    .isGreaterThanOrEqualTo(MAX_MEDIAN_GROWTH_KIB);
        }
    }

    /** Growth of malloc'd memory over each of {@link #WINDOWS} windows of steps, in KiB. */
    private static long[] windows(java.util.concurrent.Callable<?> step, java.util.concurrent.Callable<?> endOfWindow) {
        try {
            long[] growth = new long[WINDOWS];
            long before = MallocStats.inUseKib();
            for (int w = 0; w < WINDOWS; w++) {
                for (int i = 0; i < STEPS_PER_WINDOW; i++) {
                    step.call();
                }
                endOfWindow.call();
                long after = MallocStats.inUseKib();
                growth[w] = after - before;
                System.out.printf("malloc'd memory %d KiB (%+d KiB over %d steps)%n", after, growth[w], STEPS_PER_WINDOW);
                before = after;
            }
            return growth;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
