package dev.pairwise.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.labeling.dataset.PairText;
import dev.pairwise.policy.data.pairs.PreferenceGroup;
import dev.pairwise.policy.data.pairs.PreferenceGroup.Preference;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupsTest {

    @Test
    void the_pairs_of_one_judgment_become_one_group_with_each_response_once() {
        // Judgment 7 ranked A > B > C (three pairs); judgment 8 ranked D > E.
        List<PairText> pairs = List.of(
                new PairText(1, 7, "p", 101, "A", 102, "B", 1),
                new PairText(2, 7, "p", 101, "A", 103, "C", 2),
                new PairText(3, 8, "q", 104, "D", 105, "E", 1),
                new PairText(4, 7, "p", 102, "B", 103, "C", 1));
        List<PreferenceGroup> groups = Groups.byJudgment(pairs);
        assertThat(groups).hasSize(2);
        PreferenceGroup first = groups.get(0);
        assertThat(first.prompt().getFirst().content()).isEqualTo("p");
        assertThat(first.responses()).containsExactly("A", "B", "C");
        assertThat(first.preferences()).containsExactly(new Preference(0, 1), new Preference(0, 2), new Preference(1, 2));
        assertThat(groups.get(1).responses()).containsExactly("D", "E");
        assertThat(groups.get(1).preferences()).containsExactly(new Preference(0, 1));
    }

    @Test
    void equal_texts_of_different_responses_stay_apart() {
        List<PairText> pairs = List.of(new PairText(1, 7, "p", 101, "same", 102, "same", 1));
        assertThat(Groups.byJudgment(pairs).getFirst().responses()).containsExactly("same", "same");
        assertThat(Groups.pairs(pairs)).singleElement().satisfies(p -> {
            assertThat(p.chosen()).isEqualTo("same");
            assertThat(p.prompt().getFirst().content()).isEqualTo("p");
        });
    }
}
