package dev.pairwise.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelKeysTest {

    @Test
    void digits_pick_responses_and_zero_unranks() {
        assertThat(LabelKeys.parse("3", false, false)).contains(new LabelKeys.Key.Digit(3));
        assertThat(LabelKeys.parse("0", false, false)).contains(new LabelKeys.Key.Unrank());
    }

    @Test
    void vim_keys_and_arrows_move_the_same_way() {
        assertThat(LabelKeys.parse("k", false, false)).isEqualTo(LabelKeys.parse("ArrowUp", false, false));
        assertThat(LabelKeys.parse("j", false, false)).isEqualTo(LabelKeys.parse("ArrowDown", false, false));
    }

    @Test
    void enter_submits_with_or_without_control_but_other_control_keys_are_left_to_the_browser() {
        assertThat(LabelKeys.parse("Enter", true, false)).contains(new LabelKeys.Key.Submit());
        assertThat(LabelKeys.parse("Enter", false, false)).contains(new LabelKeys.Key.Submit());
        assertThat(LabelKeys.parse("t", true, false)).isEmpty();
        assertThat(LabelKeys.parse("x", false, false)).isEmpty();
    }

    @Test
    void every_key_on_the_help_card_is_one_the_parser_knows() {
        assertThat(LabelKeys.parse("t", false, false)).contains(new LabelKeys.Key.Tie());
        assertThat(LabelKeys.parse("u", false, false)).contains(new LabelKeys.Key.Untie());
        assertThat(LabelKeys.parse("s", false, false)).contains(new LabelKeys.Key.Skip());
        assertThat(LabelKeys.parse("Escape", false, false)).contains(new LabelKeys.Key.Deselect());
        assertThat(LabelKeys.parse("Backspace", false, false)).contains(new LabelKeys.Key.Unrank());
    }
}
