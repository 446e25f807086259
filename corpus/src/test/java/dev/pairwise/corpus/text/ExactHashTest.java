package dev.pairwise.corpus.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExactHashTest {

    @Test
    void case_spacing_and_unicode_composition_do_not_change_the_key() {
        String a = "Café  au lait\n\tis   GOOD ";
        String b = "cafe\u0301 au lait is good";
        assertThat(ExactHash.normalize(a)).isEqualTo("café au lait is good");
        assertThat(ExactHash.of(a)).isEqualTo(ExactHash.of(b)).hasSize(32);
    }

    @Test
    void a_changed_word_changes_the_key() {
        assertThat(ExactHash.of("the cat sat")).isNotEqualTo(ExactHash.of("the cat sits"));
    }

    @Test
    void non_breaking_and_ideographic_spaces_fold_like_ascii_spaces() {
        assertThat(ExactHash.normalize("a\u00a0b\u3000c")).isEqualTo("a b c");
    }
}
