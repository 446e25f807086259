package dev.pairwise.app.corpora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.labeling.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusStoreTest {

    @TempDir
    Path root;

    private CorpusStore.CorpusFile save(String name, byte[] content) {
        return new CorpusStore(root).save(name, new ByteArrayInputStream(content));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void refused(String name, byte[] content, String message) {
        assertThatThrownBy(() -> save(name, content)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("corpus");
            assertThat(e.getMessage()).contains(message);
        });
        assertThat(root.toFile().list()).as("nothing is left behind").isNullOrEmpty();
    }

    @Test
    void text_and_jsonl_corpora_are_stored_and_read_back() {
        save("shakespeare.txt", utf8("To be, or not to be.\nThat is the question — ¿sí? 🎭\n"));
        save("dialogues.jsonl", utf8("{\"text\": \"first\"}\n\n{\"text\": \"second\", \"id\": 2}\n"));
        CorpusStore store = new CorpusStore(root);
        assertThat(store.list()).extracting(CorpusStore.CorpusFile::name).containsExactly("dialogues.jsonl", "shakespeare.txt");
        assertThat(store.texts("config.corpus", "dialogues.jsonl")).containsExactly("first", "second");
        assertThat(store.texts("config.corpus", "shakespeare.txt").getFirst()).contains("🎭");
    }

    @Test
    void a_jsonl_line_the_cleaning_job_reads_is_let_in() {
        // bare NaN, as Python's json writes it; corpus.flink.ReadDocuments reads such lines too
        save("scored.jsonl", utf8("{\"text\": \"first\", \"score\": NaN}\n"));
        assertThat(new CorpusStore(root).texts("config.corpus", "scored.jsonl")).containsExactly("first");
    }

    @Test
    void a_binary_file_is_not_a_corpus() {
        refused("model.txt", new byte[] {'a', 0, 1, 2, '\n'}, "not text");
        refused("latin1.txt", new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'}, "not UTF-8");
    }

    @Test
    void empty_files_bad_json_lines_and_bad_names_are_refused() {
        refused("empty.txt", utf8("\n  \n"), "empty");
        refused("bad.jsonl", utf8("{\"text\": \"ok\"}\n{not json}\n"), "Line 2 is not valid JSON");
        refused("notext.jsonl", utf8("{\"prompt\": \"no text field\"}\n"), "Line 1 needs a string field \"text\"");
        refused("corpus.pdf", utf8("text"), ".txt or .jsonl");
        refused("-dash.txt", utf8("text"), ".txt or .jsonl");
    }

    @Test
    void folders_in_an_upload_name_are_dropped_so_nothing_lands_outside_the_store() {
        assertThat(save("../../escape.txt", utf8("text")).name()).isEqualTo("escape.txt");
        assertThat(root.resolve("escape.txt")).isRegularFile();
        assertThat(root.getParent().resolve("escape.txt")).doesNotExist();
    }

    @Test
    void an_unknown_corpus_is_named_in_the_error() throws Exception {
        Files.createDirectories(root);
        assertThatThrownBy(() -> new CorpusStore(root).resolve("config.corpus", "missing.txt"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("config.corpus");
                    assertThat(e.getMessage()).contains("missing.txt");
                });
        assertThat(new CorpusStore(root.resolve("none")).list()).isEqualTo(List.of());
    }
}
