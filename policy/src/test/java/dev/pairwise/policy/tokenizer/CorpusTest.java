package dev.pairwise.policy.tokenizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorpusTest {

    @TempDir
    Path dir;

    @Test
    void text_files_are_one_document_and_jsonl_lines_give_text_or_prompt_plus_completion() throws IOException {
        Path txt = Files.writeString(dir.resolve("a.txt"), "plain\ntext\n");
        Path jsonl = Files.writeString(dir.resolve("b.jsonl"),
                "{\"text\":\"first 😀\"}\n\n{\"prompt\":\"Q: hi\\n\",\"completion\":\"A: hello\",\"id\":3}\n");

        assertThat(Corpus.read(List.of(txt, jsonl))).containsExactly("plain\ntext\n", "first 😀", "Q: hi\nA: hello");
    }

    @Test
    void bad_files_are_named_with_the_line_and_the_fault() throws IOException {
        assertThatThrownBy(() -> Corpus.read(List.of(dir.resolve("none.txt"))))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("none.txt");
        Path broken = Files.writeString(dir.resolve("c.jsonl"), "{\"text\":\"ok\"}\n{\"text\": 5}\n");
        assertThatThrownBy(() -> Corpus.read(List.of(broken))).hasMessageContaining("c.jsonl:2: field \"text\" is not a string");
        Path fields = Files.writeString(dir.resolve("d.jsonl"), "{\"prompt\":\"only\"}\n");
        assertThatThrownBy(() -> Corpus.read(List.of(fields))).hasMessageContaining("d.jsonl:1: needs a string field");
        Path notJson = Files.writeString(dir.resolve("e.jsonl"), "not json\n");
        assertThatThrownBy(() -> Corpus.read(List.of(notJson))).hasMessageContaining("e.jsonl:1:");
        Path latin1 = Files.write(dir.resolve("f.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
        assertThatThrownBy(() -> Corpus.read(List.of(latin1))).hasMessageContaining("f.txt: not valid UTF-8");
    }
}
