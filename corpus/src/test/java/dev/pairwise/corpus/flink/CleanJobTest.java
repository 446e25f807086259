package dev.pairwise.corpus.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.corpus.CleanConfig;
import dev.pairwise.corpus.CleanReport;
import dev.pairwise.corpus.CorpusCleaner;
import dev.pairwise.corpus.Engine;
import dev.pairwise.corpus.minhash.Shingles;
import dev.pairwise.corpus.perplexity.TinyCheckpoint;
import dev.pairwise.corpus.quality.QualityThresholds;
import dev.pairwise.policy.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The whole job on the embedded MiniCluster (parallelism 2), on corpora with known contents. */
class CleanJobTest {

    @TempDir
    Path dir;

    static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            docs.add(Json.parse(line));
        }
        return docs;
    }

    static String json(String id, String text) {
        ObjectNode o = Json.object();
        if (id != null) {
            o.put("id", id);
        }
        o.put("text", text);
        return o.toString();
    }

    @Test
    void duplicates_go_one_member_per_cluster_stays_and_the_output_keeps_input_order() throws IOException {
        SyntheticCorpus gen = new SyntheticCorpus(1, 5000);
        List<String> unique = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            unique.add(gen.document(200));
        }
        List<String> jsonl = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            jsonl.add(json("u" + i, unique.get(i)));
        }
        // 5 exact copies (case and spacing changed), 5 near copies (one word changed), one copy of a near copy
        for (int i = 0; i < 5; i++) {
            jsonl.add(json("exact" + i, unique.get(i).toUpperCase().replace(" ", "  ")));
            jsonl.add(json("near" + i, gen.nearCopy(unique.get(10 + i), 1)));
        }
        String nearOfNear = gen.nearCopy(gen.nearCopy(unique.get(20), 1), 1);
        jsonl.add(json("chain", nearOfNear));
        jsonl.add(json(null, "Contact jane@example.org or +1 415 555 0132 from 10.1.2.3. " + gen.document(60)));
        Path a = Files.write(dir.resolve("a.jsonl"), jsonl);
        // a plain-text file: paragraphs split at blank lines; its second paragraph repeats u7 exactly
        Path b = Files.writeString(dir.resolve("b.txt"), gen.document(80) + "\n\n\n" + unique.get(7) + "\n\n"
                + gen.document(90) + "\n");
        CleanConfig config = CleanConfig.defaults(List.of(a.toString(), b.toString()), dir.resolve("out").toString())
                .withQuality(false, QualityThresholds.DEFAULTS);

        CleanReport report = CorpusCleaner.run(config, new Engine.Embedded(2), (d, c) -> { }, () -> false);

        assertThat(report.docsIn()).isEqualTo(40 + 10 + 1 + 1 + 3);
        assertThat(report.exactDuplicates()).isEqualTo(6);
        assertThat(report.nearDuplicates()).isEqualTo(6);
        assertThat(report.docsOut()).isEqualTo(report.docsIn() - 12);
        assertThat(report.exactClusterSizes()).containsEntry("2", 6L);
        assertThat(report.nearClusterSizes()).containsExactly(java.util.Map.entry("2", 6L));
        assertThat(report.piiReplaced()).isEqualTo(3);
        List<JsonNode> out = read(dir.resolve("out/clean.jsonl"));
        List<String> ids = out.stream().map(o -> o.get("id").asString()).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            expected.add("u" + i);
        }
        expected.add("a.jsonl:52");
        expected.add("b.txt#1");
        expected.add("b.txt#3");
        assertThat(ids).containsExactlyElementsOf(expected);
        assertThat(out.get(40).get("text").asString()).startsWith("Contact <EMAIL> or <PHONE> from <IP_ADDRESS>.");
        CleanReport.Stage near = report.stages().stream().filter(s -> s.name().equals("near_dedup")).findFirst().orElseThrow();
        assertThat(near.examples()).hasSize(5).first().satisfies(e -> assertThat(e.reason()).isEqualTo("near duplicate of u10"));
        JsonNode written = Json.parse(Files.readString(dir.resolve("out/report.json")));
        assertThat(written.get("near_duplicates").asLong()).isEqualTo(6);
        assertThat(written.get("settings").get("near_dedup").get("bands").asInt()).isEqualTo(16);
    }

    @Test
    void near_copies_go_above_the_threshold_and_stay_well_below_it() throws IOException {
        SyntheticCorpus gen = new SyntheticCorpus(5, 5000);
        List<String> jsonl = new ArrayList<>();
        List<String> close = new ArrayList<>();
        List<String> far = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String source = gen.document(200);
            String copy = gen.nearCopy(source, i % 2 == 0 ? 2 : 9);
            double exact = Shingles.jaccard(Shingles.of(source, 5), Shingles.of(copy, 5));
            jsonl.add(json("src" + i, source));
            jsonl.add(json("copy" + i, copy));
            if (exact >= 0.9) {
                close.add("copy" + i);
            } else if (exact <= 0.68) {
                far.add("copy" + i);
            }
        }
        assertThat(close).hasSizeGreaterThan(20);
        assertThat(far).hasSizeGreaterThan(20);
        Path in = Files.write(dir.resolve("pairs.jsonl"), jsonl);
        CleanConfig config = CleanConfig.defaults(List.of(in.toString()), dir.resolve("out").toString())
                .withQuality(false, QualityThresholds.DEFAULTS);

        CorpusCleaner.run(config, new Engine.Embedded(2), (d, c) -> { }, () -> false);

        List<String> kept = read(dir.resolve("out/clean.jsonl")).stream().map(o -> o.get("id").asString()).toList();
        // the band curve finds candidates down to ~0.6; the check against 0.8 decides
        assertThat(kept).doesNotContainAnyElementsOf(close).containsAll(far);
    }

    @Test
    void unwanted_languages_and_low_quality_documents_are_counted_by_language_and_rule() throws IOException {
        List<String> lines = List.of(
                json("en1", "The old bridge over the river was built by the people of the town more than two hundred "
                        + "years ago. It is still used every day by farmers who bring their goods to the market."),
                json("de1", "Die alte Brücke über den Fluss wurde vor mehr als zweihundert Jahren von den Menschen der "
                        + "Stadt gebaut. Sie wird noch heute jeden Tag von Bauern benutzt, die ihre Waren zum Markt bringen."),
                json("fr1", "Le vieux pont sur la rivière a été construit par les habitants de la ville il y a plus de "
                        + "deux cents ans. Il est encore utilisé chaque jour par les paysans qui apportent leurs produits."),
                json("en2", "Subscribe to our newsletter to get the best deals of the week.\n".repeat(5)),
                json("es1", "El viejo puente sobre el río fue construido por la gente del pueblo hace más de doscientos "
                        + "años. Todavía lo usan todos los días los campesinos que llevan sus productos al mercado."));
        Path in = Files.write(dir.resolve("mixed.jsonl"), lines);
        CleanConfig config = CleanConfig.defaults(List.of(in.toString()), dir.resolve("out").toString())
                .withLanguages(List.of("en", "de"), 0.5, false)
                .withQuality(true, QualityThresholds.DEFAULTS.with("min_words", "10"));

        CleanReport report = CorpusCleaner.run(config, new Engine.Embedded(2), (d, c) -> { }, () -> false);

        assertThat(report.languages()).containsEntry("en", 2L).containsEntry("de", 1L).containsEntry("fr", 1L)
                .containsEntry("es", 1L);
        assertThat(report.languageRemoved()).isEqualTo(2);
        assertThat(report.qualityRemoved()).isEqualTo(1);
        assertThat(report.qualityRules()).containsOnlyKeys("duplicate_lines");
        assertThat(read(dir.resolve("out/clean.jsonl"))).extracting(o -> o.get("id").asString() + "/" + o.get("lang").asString())
                .containsExactly("en1/en", "de1/de");
    }

    @Test
    void perplexity_scores_are_kept_on_each_document_and_the_noisiest_go() throws IOException {
        Path checkpoint = TinyCheckpoint.train(dir.resolve("ckpt"), 150);
        List<String> lines = new ArrayList<>();
        String[] prose = TinyCheckpoint.REFERENCE.split("(?<=\\.)\\s+");
        for (int i = 0; i < 6; i++) {
            lines.add(json("prose" + i, prose[i]));
        }
        for (int i = 0; i < 4; i++) {
            lines.add(json("noise" + i, "qx" + i + " zv#k 0@w;jj}{ qqq 93 zx/ v_v k;~ @@1z |p t$8w xqz! Q" + i * 7));
        }
        Path in = Files.write(dir.resolve("ppl.jsonl"), lines);
        CleanConfig config = CleanConfig.defaults(List.of(in.toString()), dir.resolve("out").toString())
                .withQuality(false, QualityThresholds.DEFAULTS)
                .withPerplexity(checkpoint.toString(), 60, 256);

        CleanReport report = CorpusCleaner.run(config, new Engine.Embedded(2), (d, c) -> { }, () -> false);

        assertThat(report.perplexityScored()).isEqualTo(10);
        assertThat(report.perplexityRemoved()).isEqualTo(4);
        List<JsonNode> out = read(dir.resolve("out/clean.jsonl"));
        assertThat(out).extracting(o -> o.get("id").asString()).allMatch(id -> id.startsWith("prose"));
        assertThat(out).allSatisfy(o -> assertThat(o.get("perplexity").asDouble()).isLessThan(report.perplexityThreshold()));
    }

    @Test
    void a_broken_jsonl_line_is_named_by_file_and_line() throws IOException {
        Path in = Files.write(dir.resolve("bad.jsonl"), List.of(json("a", "fine"), "{\"text\": 3}"));
        CleanConfig config = CleanConfig.defaults(List.of(in.toString()), dir.resolve("out").toString());
        assertThatThrownBy(() -> CorpusCleaner.run(config, new Engine.Embedded(1), (d, c) -> { }, () -> false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad.jsonl:2: needs a string field \"text\"");
    }
}
