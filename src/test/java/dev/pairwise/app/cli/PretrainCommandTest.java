package dev.pairwise.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.policy.checkpoint.Checkpoints;
import dev.pairwise.policy.io.Json;
import dev.pairwise.policy.train.OneThread;
import dev.pairwise.policy.train.TinyRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class PretrainCommandTest {

    @TempDir
    Path tmp;

    private OneThread oneThread;
    private Cli last;

    @BeforeEach
    void oneThread() {
        oneThread = OneThread.enter();
    }

    @AfterEach
    void restore() {
        oneThread.close();
    }

    private Path corpus(String text) throws IOException {
        Path f = tmp.resolve("corpus.txt");
        Files.writeString(f, text);
        return f;
    }

    private int run(String command, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        last = Cli.run(all);
        return last.code();
    }

    @Test
    void pretrain_writes_a_checkpoint_and_resumes_from_it() throws IOException {
        Path c = corpus(TinyRuns.TEXT);
        Path ckpt = tmp.resolve("run");
        int code = run("pretrain", "--corpus", c.toString(), "--out", ckpt.toString(), "--char",
                "--layers", "1", "--heads", "2", "--dim", "16", "--context", "8", "--iters", "12", "--batch", "2",
                "--log-interval", "5");
        assertThat(code).as(last.toString()).isZero();
        assertThat(last.out()).contains("step 5/12", "done at step 12");
        assertThat(ckpt.resolve("model.safetensors")).isRegularFile();
        assertThat(ckpt.resolve("tokenizer.json")).isRegularFile();
        int resumed = run("pretrain", "--corpus", c.toString(), "--out", tmp.resolve("run2").toString(),
                "--resume", ckpt.toString(), "--iters", "15");
        assertThat(resumed).as(last.toString()).isZero();
        assertThat(last.out()).contains("from step 12", "done at step 15");
        assertThat(Checkpoints.trainConfig(tmp.resolve("run2")).iters()).isEqualTo(15);
    }

    @Test
    void bench_train_prints_one_json_line_with_the_figures() throws IOException {
        Path c = corpus(TinyRuns.TEXT);
        int code = run("bench-train", "--preset", "nanogpt-cpu", "--corpus", c.toString(), "--iters", "12",
                "--batch", "2", "--eval-iters", "2");
        assertThat(code).as(last.toString()).isZero();
        String line = last.lastOutLine();
        JsonNode o = Json.parse(line);
        assertThat(o.get("params").asLong()).isGreaterThan(700_000);
        assertThat(o.get("tokens_per_s").asDouble()).isPositive();
        assertThat(o.get("ms_per_step").asDouble()).isPositive();
        assertThat(o.get("train_loss").asDouble()).isBetween(1.0, 5.0);
        assertThat(o.get("val_loss").asDouble()).isBetween(1.0, 5.0);
    }

    @Test
    void heads_that_do_not_divide_the_width_are_a_clear_cli_error() throws IOException {
        int code = run("pretrain", "--corpus", corpus(TinyRuns.TEXT).toString(), "--out",
                tmp.resolve("x").toString(), "--layers", "1", "--heads", "3", "--dim", "16", "--context", "8");
        assertThat(code).isEqualTo(1);
        assertThat(last.err()).contains("heads (3) must divide width (16)");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void an_empty_or_missing_corpus_is_a_clear_cli_error() throws IOException {
        int code = run("pretrain", "--corpus", corpus("").toString(), "--out", tmp.resolve("x").toString());
        assertThat(code).isEqualTo(1);
        assertThat(last.err()).contains("corpus is empty");
        code = run("pretrain", "--corpus", tmp.resolve("missing.txt").toString(), "--out",
                tmp.resolve("x").toString());
        assertThat(code).isEqualTo(1);
        assertThat(last.err()).contains("missing.txt").contains("not found");
    }

    @Test
    void a_missing_or_corrupt_checkpoint_to_resume_is_a_clear_cli_error() throws IOException {
        Path c = corpus(TinyRuns.TEXT);
        int code = run("pretrain", "--corpus", c.toString(), "--out", tmp.resolve("x").toString(),
                "--resume", tmp.resolve("nothing").toString());
        assertThat(code).isEqualTo(1);
        assertThat(last.err()).contains("nothing");
    }

    @Test
    void usage_errors_name_the_option() {
        assertThat(run("pretrain", "--corpus", "a.txt")).isEqualTo(2);
        assertThat(last.err()).contains("Missing required option: '--out=DIR'");
        assertThat(run("pretrain", "--out", "x", "--corpus", "a.txt", "--bogus", "1")).isEqualTo(2);
        assertThat(last.err()).contains("Unknown option: '--bogus'");
        assertThat(run("bench-train", "--preset", "nanogpt-cpu", "--corpus", "a.txt", "--iters", "ten")).isEqualTo(2);
        assertThat(last.err()).contains("--iters", "'ten' is not an int");
        assertThat(run("pretrain", "--out", "x", "--corpus", "a.txt", "--resume", "r", "--layers", "2")).isEqualTo(2);
        assertThat(last.err()).contains("--layers cannot change a resumed model");
        assertThat(run("pretrain", "--out", "x", "--corpus", "a.txt", "--layers", "2")).isEqualTo(2);
        assertThat(last.err()).contains("give all four");
    }
}
