package dev.pairwise.rewardmodel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.policy.align.TinyWorld;
import dev.pairwise.policy.checkpoint.Checkpoints;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.synthetic.Corruptions;
import dev.pairwise.policy.synthetic.SyntheticTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.function.ToIntFunction;

class AlignCommandsTest {

    private static final TinyWorld WORLD = new TinyWorld(24, 4, 3);
    private static final Map<String, ToIntFunction<String[]>> COMMANDS = AlignCommands.commands();

    @TempDir
    Path dir;

    private int run(String command, String... args) {
        return COMMANDS.get(command).applyAsInt(args);
    }

    @Test
    void sft_then_reward_model_then_evaluation_from_files_and_clear_errors_for_swapped_checkpoints()
            throws IOException {
        Path base = dir.resolve("base");
        try (GptModel m = WORLD.newModel(1)) {
            Checkpoints.saveModel(base, m, WORLD.chat.tokenizer());
        }
        StringBuilder sft = new StringBuilder();
        StringBuilder pairs = new StringBuilder();
        Random rng = new Random(1);
        for (SyntheticTask t : WORLD.tasks.train()) {
            sft.append("{\"prompt\":\"").append(t.prompt()).append("\",\"completion\":\"").append(t.answer()).append("\"}\n");
            pairs.append("{\"prompt\":\"").append(t.prompt()).append("\",\"chosen\":\"").append(t.answer())
                    .append("\",\"rejected\":\"").append(Corruptions.corrupt(t, rng)).append("\"}\n");
        }
        Path sftFile = Files.writeString(dir.resolve("sft.jsonl"), sft);
        Path pairFile = Files.writeString(dir.resolve("pairs.jsonl"), pairs);

        assertThat(run("sft", "--base", base.toString(), "--data", sftFile.toString(), "--out",
                dir.resolve("sft").toString(), "--epochs", "1", "--batch", "8", "--device", "cpu")).isZero();
        assertThat(dir.resolve("sft").resolve("model.safetensors")).exists();
        assertThat(run("train-rm", "--init", dir.resolve("sft").toString(), "--data", pairFile.toString(), "--out",
                dir.resolve("rm").toString(), "--batch", "8", "--device", "cpu")).isZero();
        assertThat(run("eval-rm", "--model", dir.resolve("rm").toString(), "--data", pairFile.toString(),
                "--device", "cpu")).isZero();

        // a reward model where a policy is expected, and the reverse
        assertThat(run("dpo", "--policy", dir.resolve("rm").toString(), "--data", pairFile.toString(), "--out",
                dir.resolve("dpo").toString(), "--device", "cpu")).isEqualTo(2);
        assertThat(run("eval-rm", "--model", dir.resolve("sft").toString(), "--data", pairFile.toString(),
                "--device", "cpu")).isEqualTo(2);
        assertThat(dir.resolve("dpo")).doesNotExist();
    }

    @Test
    void unknown_and_missing_options_are_errors() {
        assertThat(run("dpo", "--policy")).isEqualTo(2);
        assertThat(run("ppo", "--frobnicate", "1")).isEqualTo(2);
        assertThat(run("loop-demo", "--size", "huge")).isEqualTo(2);
    }
}
