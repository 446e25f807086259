package dev.pairwise.app.cli;

import dev.pairwise.policy.io.Json;
import dev.pairwise.policy.tokenizer.BpeTokenizer;
import dev.pairwise.policy.tokenizer.CharTokenizer;
import dev.pairwise.policy.tokenizer.Tokenizers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerCommandTest {

    @TempDir
    Path dir;

    private Cli last;

    private int run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "tokenizer";
        System.arraycopy(args, 0, all, 1, args.length);
        last = Cli.run(all);
        return last.code();
    }

    @Test
    void trains_bpe_on_txt_and_jsonl_saves_it_and_prints_one_json_line() throws IOException {
        Path txt = Files.writeString(dir.resolve("a.txt"), "the cat sat on the mat\n".repeat(20));
        Path jsonl = Files.writeString(dir.resolve("b.jsonl"), "{\"text\":\"the dog 🐕 sat\"}\n{\"prompt\":\"Q\",\"completion\":\" A\"}\n");
        Path outDir = dir.resolve("tok");

        int code = run("--corpus", txt.toString(), jsonl.toString(), "--vocab", "270", "--out", outDir.toString());

        assertThat(code).as(last.toString()).isZero();
        String[] lines = last.out().strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode json = Json.parse(lines[0]);
        assertThat(json.get("vocab_size").asInt()).isEqualTo(274);
        assertThat(json.get("seconds").asDouble()).isGreaterThanOrEqualTo(0);
        long bytes = json.get("corpus_bytes").asLong();
        long tokens = json.get("tokens").asLong();
        assertThat(bytes).isEqualTo(23 * 20 + "the dog 🐕 sat".getBytes(StandardCharsets.UTF_8).length + 3);
        assertThat(tokens).isPositive().isLessThan(bytes);
        assertThat(json.get("bytes_per_token").asDouble()).isCloseTo((double) bytes / tokens, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(Tokenizers.load(outDir)).isInstanceOf(BpeTokenizer.class);
    }

    @Test
    void char_mode_builds_the_character_vocabulary() throws IOException {
        Path txt = Files.writeString(dir.resolve("a.txt"), "abcabc\n");

        int code = run("--corpus", txt.toString(), "--out", dir.resolve("c").toString(), "--char");

        assertThat(code).as(last.toString()).isZero();
        JsonNode json = Json.parse(last.out().strip());
        assertThat(json.get("vocab_size").asInt()).as("a, b, c, newline, 4 special tokens and <|unk|>").isEqualTo(4 + 5);
        assertThat(json.get("tokens").asInt()).isEqualTo(7);
        assertThat(Tokenizers.load(dir.resolve("c"))).isInstanceOf(CharTokenizer.class);
    }

    @Test
    void a_bad_command_line_exits_2_and_bad_input_exits_1_naming_the_problem() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Path txt = Files.writeString(dir.resolve("a.txt"), "text");
        String outDir = dir.resolve("o").toString();

        assertExit(2, new String[] {"--vocab", "300", "--out", outDir}, "--corpus");
        assertExit(2, new String[] {"--corpus", txt.toString(), "--out", outDir}, "--vocab");
        assertExit(2, new String[] {"--corpus", txt.toString(), "--vocab", "lots", "--out", outDir}, "'lots'");
        assertExit(2, new String[] {"--corpus", txt.toString(), "--vocab", "100", "--out", outDir}, "256..32768");
        assertExit(2, new String[] {"--corpus", txt.toString(), "--vocab", "300"}, "--out");
        assertExit(2, new String[] {"--corpus", txt.toString(), "--vocab", "300", "--out", outDir, "--bogus"}, "bogus");
        assertExit(2, new String[] {"--corpus", txt.toString(), "--vocab", "300", "--out", outDir, "--char"},
                "--vocab does not apply");
        assertExit(1, new String[] {"--corpus", empty.toString(), "--vocab", "300", "--out", outDir}, "corpus is empty");
        assertExit(1, new String[] {"--corpus", dir.resolve("missing.txt").toString(), "--vocab", "300", "--out", outDir},
                "missing.txt");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    private void assertExit(int code, String[] args, String expected) {
        assertThat(run(args)).as(String.join(" ", args) + "\n" + last).isEqualTo(code);
        assertThat(last.errLines()).as(String.join(" ", args)).singleElement().asString().contains(expected)
                .startsWith("tokenizer: ");
        assertThat(last.out()).as("nothing on stdout for failures").isEmpty();
    }
}
