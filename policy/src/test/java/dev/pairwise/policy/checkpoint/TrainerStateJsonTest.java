package dev.pairwise.policy.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.policy.train.TrainConfig;
import org.junit.jupiter.api.Test;

class TrainerStateJsonTest {

    /** A pretraining trainer_state.json as written before the optimizer settings became one record. */
    static final String WRITTEN_BEFORE = """
            {
              "format": 1,
              "step": 7,
              "optimizer_step": 7,
              "train_config": {
                "iters": 20,
                "batch_size": 4,
                "accumulation": 2,
                "lr": 0.003,
                "min_lr": 3.0E-4,
                "warmup_iters": 4,
                "weight_decay": 0.1,
                "beta1": 0.9,
                "beta2": 0.99,
                "eps": 1.0E-8,
                "grad_clip": 0.5,
                "eval_interval": 0,
                "eval_iters": 2,
                "seed": 42
              },
              "data_rng": {
                "scheme": "per-batch SplittableRandom(splitmix64(seed, stream, step, micro)); streams: 0 train, 1 eval-train, 2 eval-val",
                "seed": 42,
                "next_step": 7
              }
            }""";

    @Test
    void a_state_written_before_reads_back_every_setting() {
        TrainerStateJson.State state = TrainerStateJson.read(WRITTEN_BEFORE);

        assertThat(state.step()).isEqualTo(7);
        assertThat(state.optimizerStep()).isEqualTo(7L);
        assertThat(state.config()).isEqualTo(CheckpointsTest.config());
    }
}
