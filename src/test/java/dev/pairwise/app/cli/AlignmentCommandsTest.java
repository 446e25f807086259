package dev.pairwise.app.cli;

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
import java.util.Random;

/** sft → train-rm → eval-rm → dpo from files, through the real dispatcher, and their errors. */
class AlignmentCommandsTest {

    private static final TinyWorld WORLD = new TinyWorld(24, 4, 3);

    @TempDir
    Path dir;

    private Cli last;

    private int run(String command, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        last = Cli.run(all);
        return last.code();
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
                dir.resolve("sft").toString(), "--epochs", "1", "--batch", "8", "--device", "cpu")).as("%s", last).isZero();
        assertThat(dir.resolve("sft").resolve("model.safetensors")).exists();
        assertThat(run("train-rm", "--backbone", "gpt", "--init", dir.resolve("sft").toString(), "--data",
                pairFile.toString(), "--out", dir.resolve("rm").toString(), "--batch", "8", "--device", "cpu"))
                .as("%s", last).isZero();
        assertThat(run("eval-rm", "--model", dir.resolve("rm").toString(), "--data", pairFile.toString(),
                "--device", "cpu")).as("%s", last).isZero();
        assertThat(last.lastOutLine()).contains("\"accuracy\"", "\"pairs_with_unknown_characters\":0");

        // a reward model where a policy is expected, and the reverse: the run fails (exit 1) saying so once
        assertThat(run("dpo", "--policy", dir.resolve("rm").toString(), "--data", pairFile.toString(), "--out",
                dir.resolve("dpo").toString(), "--device", "cpu")).isEqualTo(1);
        assertThat(last.errLines()).last().asString().startsWith("dpo: ").doesNotContain("dpo: dpo:");
        assertThat(run("eval-rm", "--model", dir.resolve("sft").toString(), "--data", pairFile.toString(),
                "--device", "cpu")).isEqualTo(1);
        assertThat(last.errLines()).last().asString().startsWith("eval-rm: ").contains("policy checkpoint");
        assertThat(dir.resolve("dpo")).doesNotExist();
    }

    @Test
    void unknown_and_missing_options_are_errors() {
        assertThat(run("dpo", "--policy")).isEqualTo(2);
        assertThat(last.err()).contains("--policy");
        assertThat(run("ppo", "--frobnicate", "1")).isEqualTo(2);
        assertThat(last.err()).contains("--frobnicate");
        assertThat(run("loop-demo", "--size", "huge")).isEqualTo(2);
        assertThat(last.err()).contains("--size must be tiny or small");
        assertThat(run("loop-demo", "--set", "layerz=3")).isEqualTo(2);
        assertThat(last.err()).contains("unknown setting 'layerz'");
        assertThat(run("loop-demo", "--routing", "random")).isEqualTo(2);
        assertThat(last.err()).contains("--routing must be fifo, uncertainty or both");
        assertThat(run("loop-demo", "--routing", "both", "--budgets", "50,900")).isEqualTo(2);
        assertThat(last.err()).contains("budgets must be in 1..800");
        assertThat(run("train-rm", "--init", "a", "--data", "b", "--out", "c", "--device", "tpu")).isEqualTo(2);
        assertThat(last.err()).contains("--device", "tpu");
    }
}
