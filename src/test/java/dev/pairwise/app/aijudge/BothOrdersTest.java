package dev.pairwise.app.aijudge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.app.aijudge.BothOrders.OnDisagreement;
import dev.pairwise.labeling.ai.AiOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reconciling the answers in the stored and the reversed order into one verdict. */
class BothOrdersTest {

    private static final List<Long> FORWARD = List.of(10L, 20L, 30L);
    private static final List<Long> REVERSED = List.of(30L, 20L, 10L);

    private static RankingAnswer.Read read(String line, int k) {
        return RankingAnswer.read("Ranking: " + line, k);
    }

    @Test
    void orders_that_agree_on_the_responses_give_their_ranking() {
        // forward: 20 > 10 > 30; reversed shows 30, 20, 10, so "2 > 3 > 1" is the same ranking.
        BothOrders.Verdict v = BothOrders.reconcile(FORWARD, read("2 > 1 > 3", 3), REVERSED, read("2 > 3 > 1", 3),
                OnDisagreement.TIE);
        assertThat(v.outcome()).isEqualTo(AiOutcome.RANKED);
        assertThat(v.tiers()).isEqualTo(List.of(List.of(20L), List.of(10L), List.of(30L)));
        assertThat(v.forward()).isEqualTo(v.reversed());
        assertThat(v.reason()).isNull();
    }

    @Test
    void a_judge_that_always_prefers_the_first_position_contradicts_itself_and_gets_a_tie_or_abstains() {
        List<Long> f = List.of(1L, 2L);
        List<Long> r = List.of(2L, 1L);
        BothOrders.Verdict tie = BothOrders.reconcile(f, read("1 > 2", 2), r, read("1 > 2", 2), OnDisagreement.TIE);
        assertThat(tie.outcome()).isEqualTo(AiOutcome.TIE);
        assertThat(tie.tiers()).containsExactly(List.of(1L, 2L));
        assertThat(tie.reason()).isEqualTo("the two orders disagree on 1 of 1 pair; those are tied");
        assertThat(tie.forward()).isEqualTo(List.of(List.of(1L), List.of(2L)));
        assertThat(tie.reversed()).isEqualTo(List.of(List.of(2L), List.of(1L)));

        BothOrders.Verdict abstain = BothOrders.reconcile(f, read("1 > 2", 2), r, read("1 > 2", 2),
                OnDisagreement.ABSTAIN);
        assertThat(abstain.outcome()).isEqualTo(AiOutcome.ABSTAIN);
        assertThat(abstain.tiers()).isNull();
        assertThat(abstain.reason()).isEqualTo("the two orders disagree on 1 of 1 pair");
    }

    @Test
    void under_tie_only_the_disagreeing_pairs_lose_their_order() {
        // forward 10 > 20 > 30; reversed (30, 20, 10) "3 > 2 > 1" = 10 > 20 > 30 except it says 30 > 20:
        // "3 > 1 > 2" = 10 > 30 > 20. They agree 10 is best; they disagree on 20 vs 30.
        BothOrders.Verdict v = BothOrders.reconcile(FORWARD, read("1 > 2 > 3", 3), REVERSED, read("3 > 1 > 2", 3),
                OnDisagreement.TIE);
        assertThat(v.outcome()).isEqualTo(AiOutcome.TIE);
        assertThat(v.tiers()).hasSize(2);
        assertThat(v.tiers().getFirst()).containsExactly(10L);
        assertThat(v.tiers().get(1)).containsExactlyInAnyOrder(20L, 30L);
        assertThat(v.reason()).startsWith("the two orders disagree on 1 of 3 pairs");
    }

    @Test
    void a_tie_in_one_order_and_an_order_in_the_other_is_a_disagreement() {
        // forward: {10, 20} > 30. reversed shows 30, 20, 10: "1 > 3 > 2" = 30 > 10 > 20.
        // 10-20: tie vs order; 10-30 and 20-30: opposite orders. Every pair disagrees: one tier.
        BothOrders.Verdict v = BothOrders.reconcile(FORWARD, read("1 = 2 > 3", 3), REVERSED, read("1 > 3 > 2", 3),
                OnDisagreement.TIE);
        assertThat(v.outcome()).isEqualTo(AiOutcome.TIE);
        assertThat(v.tiers()).hasSize(1);
        assertThat(v.tiers().getFirst()).containsExactlyInAnyOrder(10L, 20L, 30L);
        assertThat(v.reason()).isEqualTo("the two orders disagree on 3 of 3 pairs; those are tied");
    }

    @Test
    void an_unreadable_answer_in_either_order_abstains_naming_which() {
        BothOrders.Verdict v = BothOrders.reconcile(FORWARD, RankingAnswer.read("I cannot decide.", 3), REVERSED,
                read("1 > 2 > 3", 3), OnDisagreement.TIE);
        assertThat(v.outcome()).isEqualTo(AiOutcome.ABSTAIN);
        assertThat(v.tiers()).isNull();
        assertThat(v.forward()).isNull();
        assertThat(v.reversed()).isEqualTo(List.of(List.of(30L), List.of(20L), List.of(10L)));
        assertThat(v.reason()).isEqualTo("first order: no line starting with 'Ranking:'");

        BothOrders.Verdict both = BothOrders.reconcile(FORWARD, RankingAnswer.read("", 3), REVERSED,
                read("1 > 1 > 2", 3), OnDisagreement.TIE);
        assertThat(both.reason()).isEqualTo("first order: the answer is empty; reversed order: response 1 is ranked twice");
    }
}
