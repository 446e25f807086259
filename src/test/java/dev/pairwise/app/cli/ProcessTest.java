package dev.pairwise.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.app.PairwiseApplication;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real main class in a fresh JVM, as {@code java -jar pairwise.jar} runs it: what a person
 * sees on the terminal, DJL's start-up logging included (an in-process run shares this JVM's
 * already-loaded engine and logging, so only a new process shows it).
 */
class ProcessTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run main(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-Dai.djl") || arg.startsWith("--enable-native-access")) {
                cmd.add(arg);
            }
        }
        cmd.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"),
                PairwiseApplication.class.getName()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("the command finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void a_command_on_the_engine_says_its_device_in_one_line_without_djl_warnings() throws Exception {
        Run run = main("bench-sample", "--preset", "nanogpt-cpu", "--new-tokens", "2", "--k", "1", "--prompts", "1",
                "--prompt-tokens", "2", "--skip-recompute");

        assertThat(run.code()).as("stderr:%n%s", run.err()).isZero();
        assertThat(run.out()).contains("\"command\":\"bench-sample\"");
        assertThat(run.err()).doesNotContain("Failed to detect GPU count", "WARN", "INFO", "CudaUtils");
        assertThat(run.err().lines().filter(l -> l.startsWith("device: "))).singleElement().asString()
                .matches("device: (cpu|gpu \\d+) \\(libtorch \\d+\\.\\d+\\.\\d+, (CPU build|CUDA build, \\d+ GPUs? visible)\\)");
    }

    @Test
    void help_and_a_bad_option_exit_as_documented_from_the_main_class() throws Exception {
        Run help = main("help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("train-rm", "eval-rm", "loop-demo");
        assertThat(help.err()).as("help needs no engine").isEmpty();

        Run bad = main("eval-rm", "--modle", "x");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().lines().toList()).singleElement().asString()
                .startsWith("eval-rm: ").contains("--modle", "eval-rm --help");
    }
}
