package dev.pairwise.app.aijudge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a judge's ranking out of its free text: the clear format, forgiven decorations, and every unreadable answer. */
class RankingAnswerTest {

    @Test
    void the_ranking_line_is_read_into_tiers_of_positions() {
        RankingAnswer.Read r = RankingAnswer.read("Response 2 is more honest.\nRanking: 2 > 1 = 3", 3);
        assertThat(r.ok()).isTrue();
        assertThat(r.tiers()).isEqualTo(List.of(List.of(2), List.of(1, 3)));
        assertThat(r.reason()).isNull();
    }

    @Test
    void the_last_ranking_line_counts_and_decorations_are_forgiven() {
        String answer = "I will answer as asked, Ranking: then the numbers.\nRanking: 1 > 2\n\n"
                + "On reflection the second is safer.\n**Ranking:** [Response 2] > (1).";
        assertThat(RankingAnswer.read(answer, 2).tiers()).isEqualTo(List.of(List.of(2), List.of(1)));
        assertThat(RankingAnswer.read("ranking: #1 > #2", 2).tiers()).isEqualTo(List.of(List.of(1), List.of(2)));
        assertThat(RankingAnswer.read("- RANKING: 2=1", 2).tiers()).isEqualTo(List.of(List.of(2, 1)));
    }

    @Test
    void malformed_answers_are_unreadable_with_a_reason() {
        assertThat(RankingAnswer.read("", 2).reason()).isEqualTo("the answer is empty");
        assertThat(RankingAnswer.read(null, 2).reason()).isEqualTo("the answer is empty");
        assertThat(RankingAnswer.read("The first one is better.", 2).reason())
                .isEqualTo("no line starting with 'Ranking:'");
        assertThat(RankingAnswer.read("Ranking:", 2).reason()).isEqualTo("the 'Ranking:' line is empty");
        assertThat(RankingAnswer.read("Ranking: 3 > 1", 2).reason()).isEqualTo("response 3 does not exist (there are 2)");
        assertThat(RankingAnswer.read("Ranking: 1 > 1", 2).reason()).isEqualTo("response 1 is ranked twice");
        assertThat(RankingAnswer.read("Ranking: 2 > 1", 3).reason()).isEqualTo("the ranking leaves out response 3");
        assertThat(RankingAnswer.read("Ranking: 1", 3).reason()).isEqualTo("the ranking leaves out responses 2, 3");
        assertThat(RankingAnswer.read("Ranking: the first > 2", 2).reason())
                .isEqualTo("'the first' in the ranking is not a response number");
        assertThat(RankingAnswer.read("Ranking: 1 > > 2", 2).reason()).isEqualTo("'' in the ranking is not a response number");
        assertThat(RankingAnswer.read("Ranking: 1 > 2 because it is short", 2).ok()).isFalse();
    }
}
