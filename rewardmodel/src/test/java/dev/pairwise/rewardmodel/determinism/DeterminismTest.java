package dev.pairwise.rewardmodel.determinism;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A fixed seed gives bit-identical metrics across separate JVMs, for every trainer, at the
 * thread settings the test command uses (two intra-op threads): {@link TrainerLossLog} runs in
 * two fresh JVMs and every logged value must match to the last bit.
 */
class DeterminismTest {

    @TempDir
    Path dir;

    @Test
    void every_trainer_logs_the_same_bits_in_two_fresh_jvms() throws Exception {
        Process first = start(dir.resolve("a.txt"));
        Process second = start(dir.resolve("b.txt"));
        List<String> a = finish(first, dir.resolve("a.txt"));
        List<String> b = finish(second, dir.resolve("b.txt"));
        for (String trainer : List.of("pretrain", "sft", "reward", "dpo", "ppo")) {
            assertThat(a).as("lines of %s", trainer).anyMatch(line -> line.startsWith(trainer + " "));
        }
        assertThat(b).containsExactlyElementsOf(a);
    }

    private static Process start(Path output) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the same native settings as this JVM (threads, offline DJL, native access)
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-Dai.djl") || arg.startsWith("--enable-native-access")) {
                cmd.add(arg);
            }
        }
        cmd.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), TrainerLossLog.class.getName(),
                output.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(Path.of(output + ".log").toFile()).start();
    }

    private static List<String> finish(Process p, Path output) throws Exception {
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("trainer run finished").isTrue();
        assertThat(p.exitValue()).as("exit code of the trainer run; its output:%n%s",
                Files.readString(Path.of(output + ".log"))).isZero();
        return Files.readAllLines(output, StandardCharsets.UTF_8);
    }
}
