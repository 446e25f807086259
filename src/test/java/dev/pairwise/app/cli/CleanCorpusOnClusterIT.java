package dev.pairwise.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pairwise.corpus.flink.LocalFlinkCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar target/pairwise.jar clean-corpus --cluster} as a user runs it, against a Flink
 * session cluster of separate JVMs on 127.0.0.1: the job's classes travel from inside the Boot jar,
 * and a job that fails on the cluster ends the command with the cause. (Inside the Boot jar Flink's
 * REST client cannot deserialise a failure — the system class loader sees only Boot's launcher —
 * and the command used to wait forever, logging ClassNotFoundException every 3 s.)
 */
class CleanCorpusOnClusterIT {

    private static final Path JAR = Path.of("target", "pairwise.jar");

    @TempDir
    Path dir;

    @Test
    void the_jar_cleans_on_the_cluster_and_a_bad_line_there_ends_the_command_with_the_line_named() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "target/pairwise.jar is absent: this test runs the packaged jar"
                + " (the README's test command, ./mvnw verify, builds it before the integration tests)");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add("{\"id\":\"d" + i + "\",\"text\":\"Document " + i + " tells how the river near the old mill "
                    + "rose in the spring of year " + (1900 + i) + " and what the town did about it.\"}");
        }
        lines.add("{\"id\":\"copy\",\"text\":\"DOCUMENT 3 TELLS HOW THE RIVER NEAR THE OLD MILL ROSE IN THE SPRING OF "
                + "YEAR 1903 AND WHAT THE TOWN DID ABOUT IT.\"}");
        Path good = Files.write(dir.resolve("good.jsonl"), lines);
        Path bad = Files.write(dir.resolve("bad.jsonl"), List.of(lines.getFirst(), "{\"id\": \"b\", \"text\": "));

        try (LocalFlinkCluster cluster = new LocalFlinkCluster(dir.resolve("flink"), 1)) {
            String address = "127.0.0.1:" + cluster.restPort;
            Run ok = run("clean-corpus", "--cluster", address, "--parallelism", "1", "--in", good.toString(),
                    "--out", dir.resolve("out").toString(), "--no-quality");
            assertThat(ok.code).as(ok + cluster.logs()).isZero();
            assertThat(ok.out).contains("\"docs_in\":21").contains("\"exact_duplicates\":1");
            assertThat(Files.readAllLines(dir.resolve("out/clean.jsonl"))).hasSize(20);

            Run failed = run("clean-corpus", "--cluster", address, "--parallelism", "1", "--in", bad.toString(),
                    "--out", dir.resolve("bad-out").toString(), "--no-quality");
            assertThat(failed.code).as(failed.toString()).isEqualTo(1);
            assertThat(failed.err).contains("bad.jsonl:2: not valid JSON").doesNotContain("ClassNotFoundException");
        }
    }

    private record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** The jar in a fresh JVM; fails the test if it has not exited after two minutes. */
    private Run run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean exited = p.waitFor(2, TimeUnit.MINUTES);
        if (!exited) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Run run = new Run(exited ? p.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        assertThat(exited).as("the command did not exit within two minutes\n" + run).isTrue();
        return run;
    }
}
