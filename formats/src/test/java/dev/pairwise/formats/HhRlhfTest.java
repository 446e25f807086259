package dev.pairwise.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class HhRlhfTest {

    @Test
    void the_prompt_runs_to_the_last_assistant_marker_of_the_shared_dialogue() {
        HhRlhf.Pair p = HhRlhf.split("\n\nHuman: Hi\n\nAssistant: Hello!\n\nHuman: 2+2?\n\nAssistant: 4",
                "\n\nHuman: Hi\n\nAssistant: Hello!\n\nHuman: 2+2?\n\nAssistant: 5");
        assertThat(p.turns()).containsExactly(new Message(Speaker.USER, "Hi"),
                new Message(Speaker.ASSISTANT, "Hello!"), new Message(Speaker.USER, "2+2?"));
        assertThat(p.chosen()).isEqualTo("4");
        assertThat(p.rejected()).isEqualTo("5");
        assertThat(p.prompt()).isEqualTo("\n\nHuman: Hi\n\nAssistant: Hello!\n\nHuman: 2+2?");
        assertThat(HhRlhf.dialogue(p.prompt(), p.chosen()))
                .isEqualTo("\n\nHuman: Hi\n\nAssistant: Hello!\n\nHuman: 2+2?\n\nAssistant: 4");
    }

    @Test
    void a_one_turn_prompt_is_the_bare_human_message() {
        HhRlhf.Pair p = HhRlhf.split("\n\nHuman: What is 2+2?\n\nAssistant: 4", "\n\nHuman: What is 2+2?\n\nAssistant: 5");
        assertThat(p.prompt()).isEqualTo("What is 2+2?");
        assertThat(HhRlhf.dialogue(p.prompt(), p.rejected())).isEqualTo("\n\nHuman: What is 2+2?\n\nAssistant: 5");
    }

    @Test
    void a_reply_that_contains_the_marker_stays_whole() {
        HhRlhf.Pair p = HhRlhf.split("\n\nHuman: Q\n\nAssistant: A\n\nAssistant: more", "\n\nHuman: Q\n\nAssistant: B");
        assertThat(p.prompt()).isEqualTo("Q");
        assertThat(p.chosen()).isEqualTo("A\n\nAssistant: more");
        assertThat(p.rejected()).isEqualTo("B");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            no turns                                      | \\n\\nHuman: B\\n\\nAssistant: y       | 'chosen' has no
            \\n\\nHuman: A\\n\\nAssistant: x              | \\n\\nHuman: B\\n\\nAssistant: y       | differ before the last Assistant turn
            \\n\\nHuman: A\\n\\nAssistant: x\\n\\nAssistant: y | \\n\\nHuman: A\\n\\nAssistant: x\\n\\nAssistant: z | ends with an Assistant turn
            hello\\n\\nHuman: A\\n\\nAssistant: x          | hello\\n\\nHuman: A\\n\\nAssistant: y   | text before the first
            """)
    void malformed_pairs_say_what_is_wrong(String chosen, String rejected, String reason) {
        assertThatThrownBy(() -> HhRlhf.split(unescape(chosen), unescape(rejected)))
                .isInstanceOf(FormatException.class).hasMessageContaining(reason);
    }

    /**
     * All three test splits: every record splits, the prompt ends with the human's turn, the
     * prompt text and each reply rebuild the original sides byte for byte, and the replies that
     * hold the marker themselves (which a split at each side's last marker would cut) are kept.
     */
    @ParameterizedTest
    @CsvSource({"helpful-base, 2354, 9, 2", "harmless-base, 2312, 5, 0", "helpful-rejection-sampled, 2749, 3, 32"})
    void every_real_record_splits_and_rebuilds_its_dialogues(String split, int records, int markerInReply,
                                                             int identical) throws IOException {
        List<JsonNode> lines = SharedData.records(SharedData.hhRlhf(split));
        assertThat(lines).hasSize(records);
        int withMarker = 0;
        int same = 0;
        for (JsonNode line : lines) {
            HhRlhf.Pair p = HhRlhf.read(line);
            assertThat(p.turns().getLast().speaker()).isEqualTo(Speaker.USER);
            assertThat(HhRlhf.dialogue(p.prompt(), p.chosen())).isEqualTo(line.get("chosen").stringValue());
            assertThat(HhRlhf.dialogue(p.prompt(), p.rejected())).isEqualTo(line.get("rejected").stringValue());
            if ((p.chosen() + p.rejected()).contains("\n\nAssistant:")) {
                withMarker++;
            }
            if (p.chosen().equals(p.rejected())) {
                same++;
            }
        }
        assertThat(withMarker).isEqualTo(markerInReply);
        assertThat(same).isEqualTo(identical);
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n");
    }
}
