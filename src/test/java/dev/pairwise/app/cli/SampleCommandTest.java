package dev.pairwise.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.policy.io.Json;
import dev.pairwise.policy.sample.Checkpoints4Test;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The {@code sample} command end to end on a tiny checkpoint. */
class SampleCommandTest {

    @TempDir
    Path tmp;

    private int run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "sample";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.run(all).code();
    }

    @Test
    void writes_k_lines_per_prompt_with_the_sampling_settings() throws IOException {
        Path ckpt = Checkpoints4Test.write(tmp.resolve("ckpt"));
        Path prompts = Files.writeString(tmp.resolve("p.jsonl"), "{\"prompt\": \"to be\"}\n\n{\"prompt\": \"or not\"}\n");
        Path out = tmp.resolve("out/samples.jsonl");
        int rc = run("--checkpoint", ckpt.toString(), "--prompts", prompts.toString(), "--k", "3", "--max-new", "6",
                "--temperature", "0.8", "--top-p", "0.9", "--seed", "7", "--chat", "--out", out.toString());
        assertThat(rc).isZero();
        List<JsonNode> lines = Files.readAllLines(out).stream().map(Json::parse).toList();
        assertThat(lines).hasSize(6);
        JsonNode first = lines.getFirst();
        assertThat(first.get("prompt").asString()).isEqualTo("to be");
        assertThat(first.get("finish_reason").asString()).isIn("stop", "length");
        assertThat(first.get("checkpoint").asString()).isEqualTo(ckpt.toString());
        assertThat(first.get("sampling").get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(lines.get(3).get("prompt").asString()).isEqualTo("or not");

        Path again = tmp.resolve("again.jsonl");
        run("--checkpoint", ckpt.toString(), "--prompts", prompts.toString(), "--k", "3", "--max-new", "6",
                "--temperature", "0.8", "--top-p", "0.9", "--seed", "7", "--chat", "--out", again.toString());
        assertThat(Files.readAllLines(again)).isEqualTo(Files.readAllLines(out));
    }

    @Test
    void bad_input_fails_without_writing_output() throws IOException {
        Path ckpt = Checkpoints4Test.write(tmp.resolve("ckpt"));
        Path out = tmp.resolve("out.jsonl");
        Path longPrompt = Files.writeString(tmp.resolve("long.jsonl"), "{\"prompt\": \"" + "a".repeat(40) + "\"}\n");
        Path badJson = Files.writeString(tmp.resolve("bad.jsonl"), "{\"prompt\": \"ok\"}\n{\"text\": 1}\n");
        assertThat(run("--checkpoint", ckpt.toString(), "--prompts", longPrompt.toString(), "--k", "1",
                "--max-new", "4", "--out", out.toString())).isEqualTo(1);
        assertThat(run("--checkpoint", ckpt.toString(), "--prompts", badJson.toString(), "--k", "1",
                "--max-new", "4", "--out", out.toString())).isEqualTo(1);
        assertThat(run("--checkpoint", tmp.resolve("missing").toString(), "--prompts", badJson.toString(), "--k", "1",
                "--max-new", "4", "--out", out.toString())).isEqualTo(1);
        assertThat(run("--checkpoint", ckpt.toString(), "--k", "1", "--max-new", "4", "--out", out.toString()))
                .isEqualTo(2);
        assertThat(run("--checkpoint", ckpt.toString(), "--prompts", longPrompt.toString(), "--k", "1",
                "--max-new", "4", "--top-p", "0", "--out", out.toString())).isEqualTo(1);
        assertThat(out).doesNotExist();
    }
}
