package dev.pairwise.policy.data.pairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

class PairReaderTest {

    private static final Path HH_HELPFUL = Path.of("../shared/data/hh-rlhf/helpful-base/test.jsonl.gz");

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }

    @Test
    void hh_dialogue_prompt_runs_to_the_last_assistant_marker() throws IOException {
        Path f = write("hh.jsonl",
                "{\"chosen\":\"\\n\\nHuman: Hi\\n\\nAssistant: Hello!\\n\\nHuman: 2+2?\\n\\nAssistant: 4\","
                        + "\"rejected\":\"\\n\\nHuman: Hi\\n\\nAssistant: Hello!\\n\\nHuman: 2+2?\\n\\nAssistant: 5\"}");
        ReadReport<PreferencePair> r = PairReader.read(f);
        PreferencePair p = r.records().getFirst();
        assertThat(p.prompt()).containsExactly(new Turn(Role.USER, "Hi"), new Turn(Role.ASSISTANT, "Hello!"),
                new Turn(Role.USER, "2+2?"));
        assertThat(p.chosen()).isEqualTo("4");
        assertThat(p.rejected()).isEqualTo("5");
    }

    @Test
    void hh_split_keeps_a_reply_that_contains_the_marker_whole() {
        HhDialogue.Split s = HhDialogue.split("\n\nHuman: Q\n\nAssistant: A\n\nAssistant: more",
                "\n\nHuman: Q\n\nAssistant: B");
        assertThat(s.prompt()).isEqualTo("\n\nHuman: Q\n\nAssistant:");
        assertThat(s.chosen()).isEqualTo("A\n\nAssistant: more");
        assertThat(s.rejected()).isEqualTo("B");
    }

    @Test
    void identical_and_empty_pairs_are_counted_and_skipped() throws IOException {
        Path f = write("mixed.jsonl",
                "{\"prompt\":\"p\",\"chosen\":\"same\",\"rejected\":\"same\"}",
                "",
                "{\"prompt\":\"p\",\"chosen\":\"good\",\"rejected\":\"  \"}",
                "{\"chosen\":\"\\n\\nHuman: x\\n\\nAssistant: y\",\"rejected\":\"\\n\\nHuman: x\\n\\nAssistant: y\"}",
                "{\"prompt\":\"p\",\"chosen\":\"good\",\"rejected\":\"bad\"}");
        ReadReport<PreferencePair> r = PairReader.read(f);
        assertThat(r.records()).containsExactly(new PreferencePair(Turn.user("p"), "good", "bad"));
        assertThat(r.skippedIdentical()).isEqualTo(2);
        assertThat(r.skippedEmpty()).isEqualTo(1);
        assertThat(r.total()).isEqualTo(4);
    }

    @Test
    void trl_conversational_pairs_take_the_last_assistant_message() throws IOException {
        Path f = write("conv.jsonl", "{\"prompt\":[{\"role\":\"system\",\"content\":\"be brief\"},"
                + "{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"chosen\":[{\"role\":\"assistant\",\"content\":\"hello\"}],"
                + "\"rejected\":[{\"role\":\"assistant\",\"content\":\"go away\"}]}");
        PreferencePair p = PairReader.read(f).records().getFirst();
        assertThat(p.prompt()).containsExactly(new Turn(Role.SYSTEM, "be brief"), new Turn(Role.USER, "hi"));
        assertThat(p.chosen()).isEqualTo("hello");
        assertThat(p.rejected()).isEqualTo("go away");
    }

    @Test
    void gzipped_files_are_detected_by_content() throws IOException {
        Path f = dir.resolve("pairs.data");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write("{\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(PairReader.read(f).records()).hasSize(1);
    }

    @Test
    void malformed_records_name_the_line_and_field() throws IOException {
        Path missing = write("missing.jsonl", "{\"prompt\":\"p\",\"chosen\":\"a\",\"rejected\":\"b\"}",
                "{\"prompt\":\"p\",\"chosen\":\"a\"}");
        assertThatThrownBy(() -> PairReader.read(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing.jsonl:2").hasMessageContaining("'rejected'");
        Path broken = write("broken.jsonl", "{\"prompt\": ");
        assertThatThrownBy(() -> PairReader.read(broken)).hasMessageContaining("broken.jsonl:1")
                .hasMessageContaining("JSON");
        Path role = write("role.jsonl", "{\"prompt\":[{\"role\":\"robot\",\"content\":\"x\"}],"
                + "\"chosen\":\"a\",\"rejected\":\"b\"}");
        assertThatThrownBy(() -> PairReader.read(role)).hasMessageContaining("prompt'[0]").hasMessageContaining("robot");
    }

    @Test
    void groups_expand_tiers_into_cross_tier_pairs() {
        PreferenceGroup g = PreferenceGroup.fromTiers(Turn.user("q"), List.of("a", "b", "c", "d"),
                List.of(List.of(2), List.of(0, 3), List.of(1)));
        // 4 responses → 6 pairs, minus the tie (0, 3)
        assertThat(g.preferences()).hasSize(5);
        assertThat(g.pairs()).contains(new PreferencePair(Turn.user("q"), "c", "b"),
                new PreferencePair(Turn.user("q"), "a", "b"));
        assertThat(g.pairs()).noneMatch(p -> p.chosen().equals("a") && p.rejected().equals("d"));
    }

    @Test
    void real_hh_rlhf_helpful_base_skips_its_two_identical_pairs() throws IOException {
        assumeTrue(Files.exists(HH_HELPFUL), "shared HH-RLHF data not present at " + HH_HELPFUL.toAbsolutePath()
                + " (only on the team's machines); skipping");
        ReadReport<PreferencePair> r = PairReader.read(HH_HELPFUL);
        assertThat(r.total()).isEqualTo(2354);
        assertThat(r.skippedIdentical()).isEqualTo(2);
        // 4 pairs have an empty rejected reply
        assertThat(r.skippedEmpty()).isEqualTo(4);
        assertThat(r.records()).hasSize(2348)
                .allSatisfy(p -> assertThat(p.prompt().getLast().role()).isEqualTo(Role.USER));
    }
}
