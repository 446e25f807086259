package dev.pairwise.policy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pairwise.policy.checkpoint.Checkpoints;
import dev.pairwise.policy.train.OneThread;
import dev.pairwise.policy.train.TinyRuns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretrainCommandTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;
    private OneThread oneThread;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        oneThread = OneThread.enter();
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
        oneThread.close();
    }

    private Path corpus(String text) throws IOException {
        Path f = tmp.resolve("corpus.txt");
        Files.writeString(f, text);
        return f;
    }

    private int run(ToIntFunction<String[]> command, String... args) {
        return command.applyAsInt(args);
    }

    @Test
    void pretrain_writes_a_checkpoint_and_resumes_from_it() throws IOException {
        Path c = corpus(TinyRuns.TEXT);
        Path ckpt = tmp.resolve("run");
        int code = run(PretrainCommand::run, "--corpus", c.toString(), "--out", ckpt.toString(), "--char",
                "--layers", "1", "--heads", "2", "--dim", "16", "--context", "8", "--iters", "12", "--batch", "2",
                "--log-interval", "5");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("step 5/12", "done at step 12");
        assertThat(ckpt.resolve("model.safetensors")).isRegularFile();
        assertThat(ckpt.resolve("tokenizer.json")).isRegularFile();
        int resumed = run(PretrainCommand::run, "--corpus", c.toString(), "--out", tmp.resolve("run2").toString(),
                "--resume", ckpt.toString(), "--iters", "15");
        assertThat(resumed).as(err.toString()).isZero();
        assertThat(out.toString()).contains("from step 12", "done at step 15");
        assertThat(Checkpoints.trainConfig(tmp.resolve("run2")).iters()).isEqualTo(15);
    }

    @Test
    void bench_train_prints_one_json_line_with_the_figures() throws IOException {
        Path c = corpus(TinyRuns.TEXT);
        int code = run(BenchTrainCommand::run, "--preset", "nanogpt-cpu", "--corpus", c.toString(), "--iters", "12",
                "--batch", "2", "--eval-iters", "2");
        assertThat(code).as(err.toString()).isZero();
        String line = out.toString().strip().lines().reduce((a, b) -> b).orElseThrow();
        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
        assertThat(o.get("params").getAsLong()).isGreaterThan(700_000);
        assertThat(o.get("tokens_per_s").getAsDouble()).isPositive();
        assertThat(o.get("ms_per_step").getAsDouble()).isPositive();
        assertThat(o.get("train_loss").getAsDouble()).isBetween(1.0, 5.0);
        assertThat(o.get("val_loss").getAsDouble()).isBetween(1.0, 5.0);
    }

    @Test
    void heads_that_do_not_divide_the_width_are_a_clear_cli_error() throws IOException {
        int code = run(PretrainCommand::run, "--corpus", corpus(TinyRuns.TEXT).toString(), "--out",
                tmp.resolve("x").toString(), "--layers", "1", "--heads", "3", "--dim", "16", "--context", "8");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("heads (3) must divide width (16)");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void an_empty_or_missing_corpus_is_a_clear_cli_error() throws IOException {
        int code = run(PretrainCommand::run, "--corpus", corpus("").toString(), "--out", tmp.resolve("x").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("corpus is empty");
        err.reset();
        code = run(PretrainCommand::run, "--corpus", tmp.resolve("missing.txt").toString(), "--out",
                tmp.resolve("x").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("missing.txt").contains("not found");
    }

    @Test
    void a_missing_or_corrupt_checkpoint_to_resume_is_a_clear_cli_error() throws IOException {
        Path c = corpus(TinyRuns.TEXT);
        int code = run(PretrainCommand::run, "--corpus", c.toString(), "--out", tmp.resolve("x").toString(),
                "--resume", tmp.resolve("nothing").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("nothing");
    }

    @Test
    void usage_errors_name_the_option() {
        assertThat(run(PretrainCommand::run, "--corpus", "a.txt")).isEqualTo(2);
        assertThat(err.toString()).contains("missing --out");
        err.reset();
        assertThat(run(PretrainCommand::run, "--out", "x", "--bogus", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown option --bogus");
        err.reset();
        assertThat(run(BenchTrainCommand::run, "--preset", "nanogpt-cpu", "--corpus", "a.txt", "--iters", "ten"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--iters must be an integer");
    }

    @Test
    void every_policy_command_is_registered() {
        assertThat(PolicyCommands.commands()).containsKeys("tokenizer", "pretrain", "bench-train", "sample",
                "bench-sample");
    }
}
