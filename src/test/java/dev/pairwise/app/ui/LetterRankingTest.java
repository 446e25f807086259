package dev.pairwise.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.labeling.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LetterRankingTest {

    static final List<Long> IDS = List.of(31L, 32L, 33L);

    @Test
    void letters_name_responses_in_page_order_and_read_back() {
        List<List<Long>> tiers = List.of(List.of(32L), List.of(31L, 33L));
        assertThat(LetterRanking.format(tiers, IDS)).isEqualTo("B > A = C");
        assertThat(LetterRanking.parse(" b >a= C ", IDS)).isEqualTo(tiers);
    }

    @Test
    void an_unknown_letter_is_refused_naming_the_ranking() {
        assertThatThrownBy(() -> LetterRanking.parse("B > D", IDS)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'D' is not a response letter (A..C)");
    }
}
