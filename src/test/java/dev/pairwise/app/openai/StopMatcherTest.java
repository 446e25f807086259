package dev.pairwise.app.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StopMatcherTest {

    /** Feeds the pieces and returns what was shown, piece by piece, then the flush. */
    private static List<String> feed(StopMatcher m, String... pieces) {
        List<String> shown = new java.util.ArrayList<>();
        for (String p : pieces) {
            shown.add(m.push(p));
        }
        shown.add(m.flush());
        return shown;
    }

    @Test
    void without_stop_strings_every_piece_is_shown_at_once() {
        StopMatcher m = new StopMatcher(List.of());
        assertThat(feed(m, "ab", "c", "")).containsExactly("ab", "c", "", "");
        assertThat(m.text()).isEqualTo("abc");
        assertThat(m.stopped()).isFalse();
    }

    @Test
    void a_stop_string_across_pieces_is_held_back_then_cut_with_all_after_it() {
        StopMatcher m = new StopMatcher(List.of("END"));
        assertThat(feed(m, "hello E", "N", "D and more", "x")).containsExactly("hello ", "", "", "", "");
        assertThat(m.stopped()).isTrue();
        assertThat(m.text()).isEqualTo("hello ");
    }

    @Test
    void a_false_start_is_released_as_soon_as_it_cannot_be_a_stop_string() {
        StopMatcher m = new StopMatcher(List.of("END"));
        assertThat(feed(m, "E", "N", "o", "EN")).containsExactly("", "", "ENo", "", "EN");
        assertThat(m.stopped()).isFalse();
        assertThat(m.text()).isEqualTo("ENoEN");
    }

    @Test
    void the_earliest_of_several_stop_strings_wins() {
        StopMatcher m = new StopMatcher(List.of("cd", "b"));
        assertThat(feed(m, "abcd")).containsExactly("a", "");
        assertThat(m.text()).isEqualTo("a");
    }

    @Test
    void a_stop_string_at_the_start_gives_an_empty_answer() {
        StopMatcher m = new StopMatcher(List.of("\n"));
        assertThat(feed(m, "\nrest")).containsExactly("", "");
        assertThat(m.stopped()).isTrue();
        assertThat(m.text()).isEmpty();
    }

    @Test
    void half_a_surrogate_pair_is_never_shown_alone() {
        String smile = "\uD83D\uDE00";
        StopMatcher m = new StopMatcher(List.of());
        assertThat(feed(m, "a" + smile.charAt(0), String.valueOf(smile.charAt(1)))).containsExactly("a", smile, "");
    }

    @Test
    void the_pieces_shown_always_add_up_to_the_answer() {
        java.util.Random random = new java.util.Random(1);
        for (int run = 0; run < 500; run++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                text.append("abc".charAt(random.nextInt(3)));
            }
            List<String> stops = List.of("abca", "cc");
            StopMatcher m = new StopMatcher(stops);
            StringBuilder shown = new StringBuilder();
            for (int at = 0; at < text.length(); ) {
                int len = 1 + random.nextInt(3);
                shown.append(m.push(text.substring(at, Math.min(text.length(), at + len))));
                at += len;
            }
            shown.append(m.flush());
            int cut = text.length();
            for (String s : stops) {
                int i = text.indexOf(s);
                if (i >= 0) {
                    cut = Math.min(cut, i);
                }
            }
            assertThat(shown.toString()).as(text.toString()).isEqualTo(text.substring(0, cut)).isEqualTo(m.text());
        }
    }
}
