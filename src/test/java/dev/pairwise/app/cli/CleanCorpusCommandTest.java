package dev.pairwise.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.policy.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code clean-corpus} through the real dispatcher: files in, clean.jsonl + report.json + one JSON line out. */
class CleanCorpusCommandTest {

    @TempDir
    Path dir;

    @Test
    void cleans_files_and_prints_the_counts_as_one_json_line() throws IOException {
        String doc = "The old bridge over the river was built by the people of the town more than two hundred years "
                + "ago. It is still used every day by farmers who bring their goods to the market.";
        Path jsonl = Files.write(dir.resolve("in.jsonl"), List.of(
                "{\"id\":\"a\",\"text\":\"" + doc + "\"}",
                "{\"id\":\"b\",\"text\":\"" + doc.toUpperCase() + "\"}",
                "{\"id\":\"c\",\"text\":\"Write to me at someone@example.com about the concert in the park next Sunday "
                        + "evening, because the tickets are sold out and the band will play all of their old songs.\"}",
                "{\"id\":\"d\",\"text\":\"Die alte Brücke über den Fluss wurde vor mehr als zweihundert Jahren von den "
                        + "Menschen der Stadt gebaut, und sie wird noch heute jeden Tag benutzt.\"}"));
        Path txt = Files.writeString(dir.resolve("more.txt"), "This one is far too short to keep.\n\n"
                + doc.replace("market", "fair") + "\n");

        Cli run = Cli.run("clean-corpus", "--in", jsonl + "," + txt, "--out", dir.resolve("out").toString(),
                "--langs", "en", "--quality-threshold", "min_words=10", "--parallelism", "2");

        assertThat(run.code()).as("%s", run).isZero();
        JsonNode line = Json.parse(run.lastOutLine());
        assertThat(line.propertyNames()).containsExactly("docs_in", "docs_out", "exact_duplicates", "near_duplicates",
                "language_removed", "quality_removed", "perplexity_removed", "pii_replaced", "seconds");
        assertThat(line.get("docs_in").asInt()).isEqualTo(6);
        assertThat(line.get("language_removed").asInt()).isEqualTo(1);
        assertThat(line.get("quality_removed").asInt()).isEqualTo(1);
        assertThat(line.get("exact_duplicates").asInt()).isEqualTo(1);
        assertThat(line.get("near_duplicates").asInt()).isEqualTo(1);
        assertThat(line.get("pii_replaced").asInt()).isEqualTo(1);
        List<String> out = Files.readAllLines(dir.resolve("out/clean.jsonl"), StandardCharsets.UTF_8);
        assertThat(out).hasSize(line.get("docs_out").asInt());
        assertThat(out.getFirst()).contains("\"id\":\"a\"");
        assertThat(Files.readString(dir.resolve("out/report.json"))).contains("\"language_histogram\"", "\"de\": 1");
        assertThat(run.err()).contains("Flink, embedded (parallelism 2)");
    }

    @Test
    void a_bad_threshold_is_a_usage_error_naming_it() {
        Cli run = Cli.run("clean-corpus", "--in", "x.jsonl", "--out", dir.toString(), "--near-dup-threshold", "1.5");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .contains("near-duplicate threshold must be between 0 and 1", "clean-corpus --help");
        Cli unknown = Cli.run("clean-corpus", "--in", "x.jsonl", "--out", dir.toString(), "--quality-threshold", "min_wordz=3");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown quality threshold 'min_wordz'");
    }

    @Test
    void a_missing_input_fails_with_exit_1_naming_the_file() {
        Cli run = Cli.run("clean-corpus", "--in", dir.resolve("nope.jsonl").toString(), "--out", dir.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().contains("file not found", "nope.jsonl");
    }
}
