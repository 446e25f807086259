package dev.pairwise.app.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.formats.Speaker;
import dev.pairwise.policy.data.pairs.Turn;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ChatRequestTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ChatRequest parse(String json) {
        return ChatRequest.parse(JSON.readTree(json), 8);
    }

    private static String param(String json) {
        try {
            parse(json);
        } catch (OpenAiException e) {
            return e.param();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void defaults_are_openais() {
        ChatRequest r = parse("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(r.temperature()).isEqualTo(1.0);
        assertThat(r.topP()).isEqualTo(1.0);
        assertThat(r.n()).isEqualTo(1);
        assertThat(r.maxTokens()).isNull();
        assertThat(r.seed()).isNull();
        assertThat(r.stop()).isEmpty();
        assertThat(r.stream()).isFalse();
        assertThat(r.messages()).containsExactly(new Turn(Speaker.USER, "hi"));
    }

    @Test
    void every_field_is_read_and_roles_and_text_parts_map_to_turns() {
        ChatRequest r = parse("""
                {"model":"m","messages":[{"role":"developer","content":"be brief"},
                  {"role":"user","content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]},
                  {"role":"assistant","content":"c"},{"role":"system","content":"s"}],
                 "temperature":0,"top_p":0.5,"top_k":3,"max_tokens":9,"max_completion_tokens":7,"n":2,"seed":-4,
                 "stop":"x","stream":true,"stream_options":{"include_usage":true},"user":"u","tools":[],
                 "presence_penalty":0,"response_format":{"type":"text"}}""");
        assertThat(r.messages()).containsExactly(new Turn(Speaker.SYSTEM, "be brief"), new Turn(Speaker.USER, "ab"),
                new Turn(Speaker.ASSISTANT, "c"), new Turn(Speaker.SYSTEM, "s"));
        assertThat(r.temperature()).isZero();
        assertThat(r.topP()).isEqualTo(0.5);
        assertThat(r.topK()).isEqualTo(3);
        assertThat(r.maxTokens()).as("max_completion_tokens wins").isEqualTo(7);
        assertThat(r.n()).isEqualTo(2);
        assertThat(r.seed()).isEqualTo(-4L);
        assertThat(r.stop()).containsExactly("x");
        assertThat(r.stream()).isTrue();
        assertThat(r.includeUsage()).isTrue();
    }

    @Test
    void each_refusal_names_its_parameter() {
        String m = "\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
        assertThat(param("{\"messages\":[]}")).isEqualTo("model");
        assertThat(param("{\"model\":3,\"messages\":[]}")).isEqualTo("model");
        assertThat(param("{\"model\":\"m\",\"messages\":{}}")).isEqualTo("messages");
        assertThat(param("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"a\"},\"x\"]}"))
                .isEqualTo("messages[1]");
        assertThat(param("{\"model\":\"m\",\"messages\":[{\"content\":\"a\"}]}")).isEqualTo("messages[0].role");
        assertThat(param("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\"}]}]}"))
                .isEqualTo("messages[0].content[0].text");
        assertThat(param("{" + m + ",\"top_k\":-2}")).isEqualTo("top_k");
        assertThat(param("{" + m + ",\"n\":9}")).isEqualTo("n");
        assertThat(param("{" + m + ",\"seed\":1.5}")).isEqualTo("seed");
        assertThat(param("{" + m + ",\"stop\":\"\"}")).isEqualTo("stop");
        assertThat(param("{" + m + ",\"stop\":{}}")).isEqualTo("stop");
        assertThat(param("{" + m + ",\"stream_options\":{\"include_usage\":1}}")).isEqualTo("stream_options.include_usage");
        assertThat(param("{" + m + ",\"functions\":[{}]}")).isEqualTo("functions");
        assertThat(param("{" + m + ",\"logit_bias\":{\"1\":5}}")).isEqualTo("logit_bias");
        assertThat(param("{" + m + ",\"presence_penalty\":3}")).isEqualTo("presence_penalty");
        assertThatThrownBy(() -> parse("{" + m + ",\"temperature\":-0.1}")).isInstanceOf(OpenAiException.class)
                .hasMessageContaining("'temperature'").hasMessageContaining("[0, 2]");
        assertThatThrownBy(() -> parse("[]")).isInstanceOf(OpenAiException.class);
    }

    @Test
    void an_unknown_field_changes_nothing() {
        ChatRequest r = parse("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"store\":true,"
                + "\"metadata\":{\"a\":\"b\"},\"service_tier\":\"auto\"}");
        assertThat(r.messages()).hasSize(1);
        assertThat(List.of(r.n(), r.topK())).containsExactly(1, 0);
    }
}
