package dev.pairwise.policy.data.pairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.formats.Speaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class PairReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
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
        assertThat(p.prompt()).containsExactly(new Turn(Speaker.SYSTEM, "be brief"), new Turn(Speaker.USER, "hi"));
        assertThat(p.chosen()).isEqualTo("hello");
        assertThat(p.rejected()).isEqualTo("go away");
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
}
