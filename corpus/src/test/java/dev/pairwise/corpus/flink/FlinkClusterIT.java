package dev.pairwise.corpus.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.corpus.CleanConfig;
import dev.pairwise.corpus.CleanReport;
import dev.pairwise.corpus.CorpusCleaner;
import dev.pairwise.corpus.Engine;
import dev.pairwise.corpus.JobJars;
import dev.pairwise.corpus.quality.QualityThresholds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same cleaning job on the embedded MiniCluster and on a real multi-process Flink cluster (a
 * JobManager and two TaskManagers, separate JVMs on 127.0.0.1): byte-identical clean.jsonl and the
 * same counts. The job's classes reach the cluster only in the jars {@link JobJars} collects.
 */
class FlinkClusterIT {

    private static final List<String> ALL_LANGUAGES = List.of(("af ar az be bg bn bs ca cs cy da de el en eo es et eu "
            + "fa fi fr ga gu he hi hr hu hy id is it ja ka kk ko la lg lt lv mi mk mn mr ms nb nl nn pa pl pt ro ru sk "
            + "sl sn so sq sr st sv sw ta te th tl tn tr ts uk ur vi xh yo zh zu").split(" "));

    @TempDir
    Path dir;

    @Test
    void the_cluster_gives_the_same_output_as_the_embedded_run() throws Exception {
        SyntheticCorpus gen = new SyntheticCorpus(3, 4000);
        List<String> a = new ArrayList<>();
        List<String> uniques = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String text = "The record " + i + " says that " + gen.document(120);
            uniques.add(text);
            a.add(CleanJobTest.json("a" + i, text));
        }
        for (int i = 0; i < 30; i++) {
            a.add(CleanJobTest.json("exact" + i, uniques.get(i).toUpperCase()));
            a.add(CleanJobTest.json("near" + i, gen.nearCopy(uniques.get(100 + i), 1)));
        }
        a.add(CleanJobTest.json("mail", "Mail bob@example.org or call +1 202 555 0143; the server is 10.0.0.7. "
                + gen.document(80)));
        a.add(CleanJobTest.json("de", "Die alte Brücke über den Fluss wurde vor mehr als zweihundert Jahren von den "
                + "Menschen der Stadt gebaut. Sie wird noch heute jeden Tag von den Bauern benutzt, die ihre Waren "
                + "zum Markt bringen, und viele Besucher kommen im Sommer, um sie zu sehen."));
        Path in1 = Files.write(dir.resolve("part-1.jsonl"), a.subList(0, 200));
        Path in2 = Files.write(dir.resolve("part-2.jsonl"), a.subList(200, a.size()));
        // pseudo-words are no language: every language Lingua knows is kept at any confidence, so
        // Lingua runs on the TaskManagers (from the shipped jars) and the histograms can be compared;
        // Gopher's English stop-word rule is off for the same reason
        CleanConfig base = CleanConfig.defaults(List.of(in1.toString(), in2.toString()), dir.resolve("embedded").toString())
                .withLanguages(ALL_LANGUAGES, 0, false)
                .withQuality(true, QualityThresholds.DEFAULTS.with("min_stop_words", "0"));

        CleanReport embedded = CorpusCleaner.run(base, new Engine.Embedded(2), (d, c) -> { }, () -> false);

        CleanConfig remoteConfig = base.withLocations(base.inputs(), dir.resolve("cluster").toString());
        try (LocalFlinkCluster cluster = new LocalFlinkCluster(dir.resolve("flink"), 2)) {
            assertThat(cluster.pids()).hasSize(3).doesNotContain(ProcessHandle.current().pid());
            List<String> jars = JobJars.collect(remoteConfig);
            CleanReport remote;
            try {
                remote = CorpusCleaner.run(remoteConfig, new Engine.Remote("127.0.0.1", cluster.restPort, 2, jars),
                        (d, c) -> { }, () -> false);
            } catch (RuntimeException e) {
                throw new AssertionError("the cluster run failed: " + e.getMessage() + "\n" + cluster.logs(), e);
            }
            assertThat(remote.engine()).startsWith("flink-remote 127.0.0.1:");
            assertThat(remote.summaryLine().replaceAll("\"seconds\":[0-9.]+", ""))
                    .isEqualTo(embedded.summaryLine().replaceAll("\"seconds\":[0-9.]+", ""));
            assertThat(remote.exactClusterSizes()).isEqualTo(embedded.exactClusterSizes());
            assertThat(remote.nearClusterSizes()).isEqualTo(embedded.nearClusterSizes());
            assertThat(remote.languages()).isEqualTo(embedded.languages()).containsEntry("de", 1L);
            assertThat(Files.readAllBytes(dir.resolve("cluster/clean.jsonl")))
                    .isEqualTo(Files.readAllBytes(dir.resolve("embedded/clean.jsonl")));
        }
        assertThat(embedded.docsIn()).isEqualTo(362);
        assertThat(embedded.exactDuplicates()).isEqualTo(30);
        assertThat(embedded.nearDuplicates()).isGreaterThanOrEqualTo(29);
        assertThat(embedded.piiReplaced()).isEqualTo(3);
    }

    @Test
    void a_bad_line_fails_the_cluster_run_with_the_line_named() throws Exception {
        Path in = Files.write(dir.resolve("bad.jsonl"), List.of(CleanJobTest.json("a", "A fine first line of text."),
                "{\"id\": \"b\", \"text\": "));
        CleanConfig config = CleanConfig.defaults(List.of(in.toString()), dir.resolve("cluster").toString());
        try (LocalFlinkCluster cluster = new LocalFlinkCluster(dir.resolve("flink"), 1)) {
            List<String> jars = JobJars.collect(config);
            long start = System.nanoTime();
            assertThatThrownBy(() -> CorpusCleaner.run(config, new Engine.Remote("127.0.0.1", cluster.restPort, 1, jars),
                    (d, c) -> { }, () -> false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("bad.jsonl:2: not valid JSON");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
        }
    }
}
