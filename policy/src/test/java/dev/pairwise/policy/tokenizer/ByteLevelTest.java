package dev.pairwise.policy.tokenizer;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ByteLevelTest {

    private static List<String> scan(String text) {
        List<String> pieces = new ArrayList<>();
        ByteLevel.preTokenize(text, pieces::add);
        return pieces;
    }

    private static List<String> regex(String text) {
        List<String> pieces = new ArrayList<>();
        ByteLevel.preTokenizeWithRegex(text, pieces::add);
        return pieces;
    }

    @Test
    void scanner_splits_exactly_like_the_gpt2_regex_on_hard_texts() {
        for (String text : Texts.HARD) {
            assertThat(scan(text)).as(text).isEqualTo(regex(text));
        }
    }

    @Test
    void scanner_splits_exactly_like_the_gpt2_regex_on_random_multilingual_text() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            String text = Texts.random(random, 1 + random.nextInt(40));
            assertThat(scan(text)).as(text).isEqualTo(regex(text));
        }
    }

    @Test
    void pieces_follow_gpt2_conventions() {
        assertThat(scan("Hello world's  end\n")).containsExactly("Hello", " world", "'s", " ", " end", "\n");
        assertThat(scan("a\u00a0b")).as("no-break space is white space").containsExactly("a", "\u00a0", "b");
        assertThat(scan("x 123 !!")).containsExactly("x", " 123", " !!");
    }

    @Test
    void byte_names_match_gpt2_bytes_to_unicode() {
        assertThat(ByteLevel.toChars(new byte[] {' ', '\n', 0, '!', '~', (byte) 0xAD, (byte) 0xFF}))
                .isEqualTo("\u0120\u010a\u0100!~\u0143\u00ff");
        byte[] all = new byte[256];
        for (int b = 0; b < 256; b++) {
            all[b] = (byte) b;
        }
        String names = ByteLevel.toChars(all);
        assertThat(names.chars().distinct().count()).isEqualTo(256);
        assertThat(ByteLevel.toBytes(names)).isEqualTo(all);
    }

    @Test
    void lone_surrogate_is_refused_with_its_position() {
        assertThatThrownBy(() -> ByteLevel.utf8("ok\uD83D!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+D83D at index 2");
    }
}
