package dev.pairwise.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.policy.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code train-rm --backbone}: the pretrained all-MiniLM-L6-v2 by default (no --init), the GPT
 * with --init, and clear errors for mixed-up options; {@code eval-rm} reads either and prints the
 * accuracy with its 95% interval and the longer-answer baseline.
 */
class RewardBackboneCommandsTest {

    @TempDir
    Path dir;

    @Test
    void train_rm_defaults_to_minilm_and_eval_rm_reports_the_interval_and_the_length_baseline() throws IOException {
        Path pairs = Files.writeString(dir.resolve("pairs.jsonl"), """
                {"prompt": "Say hi", "chosen": "Hi there, nice to meet you!", "rejected": "go away"}
                {"prompt": "Add 2 and 2", "chosen": "2 + 2 = 4.", "rejected": "5"}
                {"prompt": "Capital of France?", "chosen": "Paris is the capital of France.", "rejected": "Rome"}
                {"prompt": "Thank you", "chosen": "You are welcome, happy to help.", "rejected": "whatever"}
                """);
        Path rm = dir.resolve("rm");
        Cli train = Cli.run("train-rm", "--data", pairs + "," + pairs, "--out", rm.toString(), "--batch", "4",
                "--max-length", "32", "--val-fraction", "0", "--device", "cpu");
        assertThat(train.code()).as("%s", train).isZero();
        JsonNode trained = Json.parse(train.lastOutLine());
        assertThat(trained.get("backbone").asString()).isEqualTo("all-minilm-l6-v2");
        assertThat(trained.get("train_pairs").asInt()).as("two files pooled").isEqualTo(8);
        assertThat(train.err()).contains("train-rm: all-minilm-l6-v2 on 8 training pairs of 8, 2 steps");
        assertThat(rm.resolve("reward_head.safetensors")).exists();

        Cli eval = Cli.run("eval-rm", "--model", rm.toString(), "--data", pairs.toString(), "--device", "cpu");
        assertThat(eval.code()).as("%s", eval).isZero();
        JsonNode result = Json.parse(eval.lastOutLine());
        assertThat(eval.lastOutLine()).startsWith("{\"accuracy\":");
        assertThat(result.get("pairs").asInt()).isEqualTo(4);
        double accuracy = result.get("accuracy").asDouble();
        double half = 1.96 * Math.sqrt(accuracy * (1 - accuracy) / 4);
        assertThat(result.get("ci95_low").asDouble()).isCloseTo(Math.max(0, accuracy - half),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.get("ci95_high").asDouble()).isCloseTo(Math.min(1, accuracy + half),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.get("longer_wins_accuracy").asDouble()).as("every chosen answer is the longer one")
                .isEqualTo(1.0);
        assertThat(result.has("pairs_with_unknown_characters")).as("a WordPiece vocabulary has [UNK]").isFalse();
    }

    @Test
    void backbone_options_that_do_not_fit_together_are_usage_errors() {
        Cli gptWithoutInit = Cli.run("train-rm", "--backbone", "gpt", "--data", "p.jsonl", "--out", "o");
        assertThat(gptWithoutInit.code()).isEqualTo(2);
        assertThat(gptWithoutInit.err()).contains("--backbone gpt needs --init DIR");
        Cli minilmWithInit = Cli.run("train-rm", "--init", "sft", "--data", "p.jsonl", "--out", "o");
        assertThat(minilmWithInit.code()).isEqualTo(2);
        assertThat(minilmWithInit.err()).contains("--init is for --backbone gpt");
        Cli unknown = Cli.run("train-rm", "--backbone", "bert-large", "--data", "p.jsonl", "--out", "o");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--backbone must be all-minilm-l6-v2 or gpt, got 'bert-large'");
        Cli frozenGpt = Cli.run("train-rm", "--backbone", "gpt", "--init", "sft", "--frozen-layers", "2", "--data",
                "p.jsonl", "--out", "o");
        assertThat(frozenGpt.code()).isEqualTo(2);
        assertThat(frozenGpt.err()).contains("--frozen-layers is for --backbone all-minilm-l6-v2");
    }
}
