package dev.pairwise.policy.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pairwise.policy.tokenizer.BpeTokenizer;
import dev.pairwise.policy.tokenizer.CharTokenizer;
import dev.pairwise.policy.tokenizer.Tokenizers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TokenizerCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void trains_bpe_on_txt_and_jsonl_saves_it_and_prints_one_json_line() throws IOException {
        Path txt = Files.writeString(dir.resolve("a.txt"), "the cat sat on the mat\n".repeat(20));
        Path jsonl = Files.writeString(dir.resolve("b.jsonl"), "{\"text\":\"the dog 🐕 sat\"}\n{\"prompt\":\"Q\",\"completion\":\" A\"}\n");
        Path outDir = dir.resolve("tok");

        int code = run("--corpus", txt.toString(), jsonl.toString(), "--vocab", "270", "--out", outDir.toString());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonObject json = JsonParser.parseString(lines[0]).getAsJsonObject();
        assertThat(json.get("vocab_size").getAsInt()).isEqualTo(274);
        assertThat(json.get("seconds").getAsDouble()).isGreaterThanOrEqualTo(0);
        long bytes = json.get("corpus_bytes").getAsLong();
        long tokens = json.get("tokens").getAsLong();
        assertThat(bytes).isEqualTo(23 * 20 + "the dog 🐕 sat".getBytes(StandardCharsets.UTF_8).length + 3);
        assertThat(tokens).isPositive().isLessThan(bytes);
        assertThat(json.get("bytes_per_token").getAsDouble()).isCloseTo((double) bytes / tokens, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(Tokenizers.load(outDir)).isInstanceOf(BpeTokenizer.class);
    }

    @Test
    void char_mode_builds_the_character_vocabulary() throws IOException {
        Path txt = Files.writeString(dir.resolve("a.txt"), "abcabc\n");

        int code = run("--corpus", txt.toString(), "--out", dir.resolve("c").toString(), "--char");

        assertThat(code).isZero();
        JsonObject json = JsonParser.parseString(out.toString(StandardCharsets.UTF_8).strip()).getAsJsonObject();
        assertThat(json.get("vocab_size").getAsInt()).isEqualTo(4 + 4);
        assertThat(json.get("tokens").getAsInt()).isEqualTo(7);
        assertThat(Tokenizers.load(dir.resolve("c"))).isInstanceOf(CharTokenizer.class);
    }

    @Test
    void bad_arguments_and_inputs_exit_2_naming_the_problem() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Path txt = Files.writeString(dir.resolve("a.txt"), "text");
        String outDir = dir.resolve("o").toString();

        assertExit2(new String[] {"--vocab", "300", "--out", outDir}, "--corpus");
        assertExit2(new String[] {"--corpus", txt.toString(), "--out", outDir}, "vocab");
        assertExit2(new String[] {"--corpus", txt.toString(), "--vocab", "lots", "--out", outDir}, "'lots'");
        assertExit2(new String[] {"--corpus", txt.toString(), "--vocab", "100", "--out", outDir}, "256..32768");
        assertExit2(new String[] {"--corpus", txt.toString(), "--vocab", "300"}, "--out");
        assertExit2(new String[] {"--corpus", txt.toString(), "--vocab", "300", "--out", outDir, "--bogus"}, "bogus");
        assertExit2(new String[] {"--corpus", txt.toString(), "--vocab", "300", "--out", outDir, "--char"}, "--vocab does not apply");
        assertExit2(new String[] {"--corpus", empty.toString(), "--vocab", "300", "--out", outDir}, "corpus is empty");
        assertExit2(new String[] {"--corpus", dir.resolve("missing.txt").toString(), "--vocab", "300", "--out", outDir}, "missing.txt");
        assertThat(out.size()).as("nothing on stdout for failures").isZero();
        assertThat(dir.resolve("o")).doesNotExist();
    }

    private void assertExit2(String[] args, String expected) {
        err.reset();
        assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).as(String.join(" ", args)).contains(expected);
    }
}
