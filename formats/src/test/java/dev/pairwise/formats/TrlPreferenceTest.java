package dev.pairwise.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TrlPreferenceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TrlPreference.Pair read(String line) {
        return TrlPreference.read(JSON.readTree(line));
    }

    @Test
    void strings_are_one_user_prompt_and_one_assistant_reply_each() {
        TrlPreference.Pair p = read("{\"prompt\": \"P\", \"chosen\": \"good\", \"rejected\": \"bad\"}");
        assertThat(p.prompt()).containsExactly(new Message(Speaker.USER, "P"));
        assertThat(p.chosen()).containsExactly(new Message(Speaker.ASSISTANT, "good"));
        assertThat(p.chosenReply()).isEqualTo("good");
        assertThat(p.rejectedReply()).isEqualTo("bad");
        assertThat(p.margin()).isNull();
        assertThat(p.groupId()).isNull();
    }

    @Test
    void conversations_keep_every_message_and_the_reply_is_the_last() {
        TrlPreference.Pair p = read("{\"prompt\": [{\"role\": \"system\", \"content\": \"be brief\"},"
                + " {\"role\": \"user\", \"content\": \"hi\"}],"
                + " \"chosen\": [{\"role\": \"assistant\", \"content\": \"hello\"}],"
                + " \"rejected\": [{\"role\": \"assistant\", \"content\": \"go away\"}], \"margin\": 2, \"group_id\": 17}");
        assertThat(p.prompt()).containsExactly(new Message(Speaker.SYSTEM, "be brief"), new Message(Speaker.USER, "hi"));
        assertThat(p.chosenReply()).isEqualTo("hello");
        assertThat(p.rejectedReply()).isEqualTo("go away");
        assertThat(p.margin()).isEqualTo(2.0);
        assertThat(p.groupId()).isEqualTo("17");
    }

    @Test
    void malformed_records_name_the_field() {
        assertThatThrownBy(() -> read("{\"prompt\": \"p\", \"chosen\": \"a\"}"))
                .isInstanceOf(FormatException.class).hasMessage("'rejected' is missing");
        assertThatThrownBy(() -> read("{\"prompt\": [{\"role\": \"robot\", \"content\": \"x\"}], \"chosen\": \"a\", \"rejected\": \"b\"}"))
                .hasMessageContaining("'prompt'[0]").hasMessageContaining("robot");
        assertThatThrownBy(() -> read("{\"prompt\": 7, \"chosen\": \"a\", \"rejected\": \"b\"}"))
                .hasMessage("'prompt' must be a string or a message list");
        assertThatThrownBy(() -> read("{\"prompt\": \"p\", \"chosen\": \"a\", \"rejected\": \"b\", \"margin\": \"big\"}"))
                .hasMessage("'margin' must be a number");
        JsonNode userReply = JSON.readTree("{\"prompt\": \"p\", \"chosen\": [{\"role\": \"user\", \"content\": \"a\"}],"
                + " \"rejected\": \"b\"}");
        assertThatThrownBy(() -> TrlPreference.read(userReply).chosenReply())
                .hasMessage("'chosen' must end with an assistant message");
    }
}
