package dev.pairwise.policy.data.pairs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.formats.Speaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

class SftReaderTest {

    @TempDir
    Path dir;

    @Test
    void reads_prompt_completion_and_message_lists() throws IOException {
        Path f = dir.resolve("sft.jsonl");
        Files.writeString(f, """
                {"prompt":"add 2 and 3","completion":"5"}
                {"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"},{"role":"user","content":"bye"},{"role":"assistant","content":"see you"}]}
                {"prompt":"","completion":"x"}
                """);
        ReadReport<SftExample> r = SftReader.read(f);
        assertThat(r.records()).hasSize(2);
        assertThat(r.records().get(0)).isEqualTo(SftExample.of("add 2 and 3", "5"));
        SftExample chat = r.records().get(1);
        assertThat(chat.prompt()).hasSize(3);
        assertThat(chat.prompt().getLast()).isEqualTo(new Turn(Speaker.USER, "bye"));
        assertThat(chat.completion()).isEqualTo("see you");
        assertThat(r.skippedEmpty()).isEqualTo(1);
    }

    @Test
    void prompts_for_rollouts_read_strings_and_message_lists() throws IOException {
        Path f = dir.resolve("prompts.jsonl");
        Files.writeString(f, """
                {"prompt":"add 2 and 3"}
                {"prompt":"  "}
                {"messages":[{"role":"user","content":"hi"}]}
                """);
        assertThat(SftReader.readPrompts(f)).containsExactly(Turn.user("add 2 and 3"), Turn.user("hi"));
    }

    @Test
    void messages_must_end_with_the_assistant() throws IOException {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n");
        assertThatThrownBy(() -> SftReader.read(f)).hasMessageContaining("bad.jsonl:1")
                .hasMessageContaining("assistant");
    }
}
