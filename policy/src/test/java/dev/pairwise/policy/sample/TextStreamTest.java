package dev.pairwise.policy.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextStreamTest {

    private final Utf8BytesTokenizer tokenizer = new Utf8BytesTokenizer();

    @Test
    void a_character_split_over_tokens_is_emitted_once_complete() {
        TextStream stream = new TextStream(tokenizer);
        List<String> pieces = new ArrayList<>();
        for (int id : tokenizer.encode("aé€!")) {
            pieces.add(stream.push(id));
        }
        assertThat(pieces).containsExactly("a", "", "é", "", "", "€", "!");
    }

    @Test
    void flush_returns_an_incomplete_tail_once() {
        TextStream stream = new TextStream(tokenizer);
        int[] euro = tokenizer.encode("€");
        assertThat(stream.push('x')).isEqualTo("x");
        assertThat(stream.push(euro[0])).isEmpty();
        assertThat(stream.flush()).isEqualTo("\uFFFD");
        assertThat(stream.flush()).isEmpty();
    }
}
