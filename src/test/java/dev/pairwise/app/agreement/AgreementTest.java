package dev.pairwise.app.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.pairwise.app.agreement.Agreement.LabelerAgreement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The three numbers on a hand-made project, against values worked out by hand (the working is in
 * the comments, from the definitions in {@link Agreement}'s Javadoc, not from the code).
 */
class AgreementTest {

    private static final double EPS = 1e-12;

    /*
     * task 1 (responses 1, 2, 3): ann [[1],[2],[3]], bob [[1],[3],[2]], cy [[1,2],[3]]
     * task 2 (responses 4, 5):    ann [[5],[4]],     bob [[5],[4]]
     * task 3 (responses 6, 7):    ann [[6],[7]]  (alone: no unit)
     *
     * values per unit (F first better, S second better, T tie):
     *   (1,2): ann F, bob F, cy T    (1,3): F, F, F    (2,3): ann F, bob S, cy F    (4,5): ann S, bob S
     */
    private static final List<Ranking> PROJECT = List.of(
            new Ranking(1, "ann", List.of(List.of(1L), List.of(2L), List.of(3L))),
            new Ranking(1, "bob", List.of(List.of(1L), List.of(3L), List.of(2L))),
            new Ranking(1, "cy", List.of(List.of(1L, 2L), List.of(3L))),
            new Ranking(2, "bob", List.of(List.of(5L), List.of(4L))),
            new Ranking(2, "ann", List.of(List.of(5L), List.of(4L))),
            new Ranking(3, "ann", List.of(List.of(6L), List.of(7L))));

    @Test
    void overall_numbers_match_the_hand_computation() {
        Agreement a = Agreement.of(PROJECT);
        // strict pairs of labelers per unit: (1,2) ann-bob agree; (1,3) 3 of 3; (2,3) ann-cy only of 3; (4,5) 1 of 1
        assertThat(a.pairwiseAgreement()).isCloseTo(6.0 / 8, within(EPS));
        // coincidences: oFF = 1 + 3 + 1, oFT = oTF = 1 (unit (1,2)), oFS = oSF = 1 (unit (2,3)), oSS = 2;
        // nF = 7, nT = 1, nS = 3, n = 11; α = 1 − 10·4 / (2·(7·1 + 7·3 + 1·3)) = 1 − 40/62
        assertThat(a.krippendorffAlpha()).isCloseTo(1 - 40.0 / 62, within(EPS));
        // τ-b: task 1 ann-bob (2−1)/3, ann-cy (2−0)/√(3·2), bob-cy (1−1)/√6; task 2 ann-bob 1
        assertThat(a.kendallTauB()).isCloseTo((1.0 / 3 + 2 / Math.sqrt(6) + 0 + 1) / 4, within(EPS));
        assertThat(a.units()).isEqualTo(4);
        assertThat(a.labelers()).isEqualTo(3);
    }

    @Test
    void each_labeler_is_measured_against_the_mean_rank_consensus_of_the_others() {
        Map<String, LabelerAgreement> by = Agreement.of(PROJECT).perLabeler().stream()
                .collect(Collectors.toMap(LabelerAgreement::labeler, l -> l));
        // ann, task 1: bob + cy doubled mid-ranks 1: 2+3, 2: 6+3, 3: 4+6 → [[1],[2],[3]] = ann's own; task 2: bob = ann
        LabelerAgreement ann = by.get("ann");
        assertThat(ann.tasks()).isEqualTo(2);
        assertThat(ann.units()).isEqualTo(4);
        assertThat(ann.pairwiseAgreement()).isEqualTo(1.0);
        assertThat(ann.krippendorffAlpha()).isCloseTo(1.0, within(EPS));
        assertThat(ann.kendallTauB()).isCloseTo(1.0, within(EPS));
        // bob, task 1: ann + cy 1: 2+3, 2: 4+3, 3: 6+6 → [[1],[2],[3]]; bob differs on (2,3) only; task 2 agrees
        // α: oFF = 4, oFS = oSF = 1, oSS = 2; nF = 5, nS = 3, n = 8: 1 − 7·2 / (2·5·3)
        LabelerAgreement bob = by.get("bob");
        assertThat(bob.pairwiseAgreement()).isCloseTo(3.0 / 4, within(EPS));
        assertThat(bob.krippendorffAlpha()).isCloseTo(1 - 14.0 / 30, within(EPS));
        assertThat(bob.kendallTauB()).isCloseTo((1.0 / 3 + 1) / 2, within(EPS));
        // cy, task 1: ann + bob 1: 2+2, 2: 4+6, 3: 6+4 → [[1],[2,3]] (2 and 3 tie on the mean)
        // cy [[1,2],[3]]: (1,2) T vs F, (1,3) F vs F, (2,3) F vs T; strict both only (1,3)
        // α: oFF = 2, oFT = oTF = 2; nF = 4, nT = 2, n = 6: 1 − 5·4 / (2·4·2) = −0.25
        // τ-b: one concordant pair, one tie each: 1/√(2·2)
        LabelerAgreement cy = by.get("cy");
        assertThat(cy.tasks()).isEqualTo(1);
        assertThat(cy.units()).isEqualTo(3);
        assertThat(cy.pairwiseAgreement()).isEqualTo(1.0);
        assertThat(cy.krippendorffAlpha()).isCloseTo(-0.25, within(EPS));
        assertThat(cy.kendallTauB()).isCloseTo(0.5, within(EPS));
    }

    @Test
    void a_lone_labeler_gives_no_numbers_and_the_map_says_null() {
        Agreement a = Agreement.of(List.of(new Ranking(9, "solo", List.of(List.of(1L), List.of(2L)))));
        assertThat(a.units()).isZero();
        assertThat(a.labelers()).isEqualTo(1);
        assertThat(a.pairwiseAgreement()).isNaN();
        Map<String, Object> map = a.asMap();
        assertThat(map).containsEntry("pairwise_agreement", null).containsEntry("krippendorff_alpha", null)
                .containsEntry("kendall_tau_b", null).containsEntry("units", 0L).containsEntry("labelers", 1);
        assertThat(map.keySet()).containsExactly("pairwise_agreement", "krippendorff_alpha", "kendall_tau_b", "units",
                "labelers", "per_labeler");
    }

    @Test
    void a_task_ranked_twice_by_one_labeler_is_refused_by_name() {
        assertThatThrownBy(() -> Agreement.of(List.of(
                new Ranking(4, "ann", List.of(List.of(1L), List.of(2L))),
                new Ranking(4, "ann", List.of(List.of(2L), List.of(1L))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("task 4").hasMessageContaining("ann");
    }

    @Test
    void kendall_tau_b_of_reversed_rankings_is_minus_1_and_all_tied_is_undefined() {
        Map<Long, Integer> up = Map.of(1L, 0, 2L, 1, 3L, 2);
        Map<Long, Integer> down = Map.of(1L, 2, 2L, 1, 3L, 0);
        assertThat(KendallTauB.between(up, down)).isCloseTo(-1.0, within(EPS));
        assertThat(KendallTauB.between(up, Map.of(1L, 0, 2L, 0, 3L, 0))).isNaN();
    }
}
