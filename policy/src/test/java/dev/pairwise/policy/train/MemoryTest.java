package dev.pairwise.policy.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.pairwise.policy.model.GptModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MemoryTest {

    @Test
    void native_memory_stays_flat_over_thousands_of_steps() throws IOException {
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
            System.gc();
            long rssWarm = rssKb();
            for (int i = 0; i < 1700; i++) {
                trainer.trainStep();
            }
            trainer.evaluate();
            System.gc();
            long rssAfter = rssKb();
            assertThat(params.getManagedArrays()).hasSize(paramArrays);
            assertThat(optimizer.getManagedArrays()).hasSize(optimizerArrays);
            assertThat(root.getManagedArrays()).hasSize(rootArrays);
            // 1700 steps that each allocate ~100 native arrays: a leak of one small array per step
            // would already show as megabytes; allow allocator noise
            assertThat(rssAfter - rssWarm).as("RSS growth in KiB (%d -> %d)", rssWarm, rssAfter).isLessThan(24_000);
        }
    }

    static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
