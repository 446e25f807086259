package dev.pairwise.policy.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.policy.data.pairs.PreferenceGroup;
import dev.pairwise.policy.data.pairs.PreferencePair;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

class SimulatedLabelerTest {

    private final SyntheticTask task = SyntheticTask.add(23, 58);

    @Test
    void a_noiseless_labeler_ranks_by_oracle_and_ties_equal_scores() {
        // scores: 81 → 1, 80 → 0.4, 82 → 0.4, x → 0
        List<String> responses = List.of("80", "x", "81", "82");
        List<List<Integer>> tiers = new SimulatedLabeler(0, 0).rank(task, responses, new Random(1));
        assertThat(tiers).containsExactly(List.of(2), List.of(0, 3), List.of(1));
        PreferenceGroup g = new SimulatedLabeler(0, 0).judge(task, responses, new Random(1)).orElseThrow();
        assertThat(g.preferences()).hasSize(5); // 6 pairs minus the tie
    }

    @Test
    void identical_texts_always_tie_even_with_noise() {
        List<String> responses = List.of("81", "70", "81 ", "1");
        for (long seed = 0; seed < 20; seed++) {
            List<List<Integer>> tiers = new SimulatedLabeler(0.5, 0).rank(task, responses, new Random(seed));
            assertThat(tiers).anySatisfy(tier -> assertThat(tier).contains(0, 2));
        }
    }

    @Test
    void all_tied_responses_give_no_judgment() {
        assertThat(new SimulatedLabeler(0.3, 0).judge(task, List.of("81", "81", "81"), new Random(1))).isEmpty();
    }

    @Test
    void noise_makes_labelers_disagree_with_the_oracle_sometimes_but_not_mostly() {
        Random rng = new Random(11);
        TaskGenerator gen = new TaskGenerator();
        SimulatedLabeler labeler = new SimulatedLabeler(0.2, 0);
        int agree = 0;
        int total = 0;
        for (int i = 0; i < 300; i++) {
            SyntheticTask t = gen.next(rng);
            List<String> responses = List.of(t.answer(), Corruptions.corrupt(t, rng), Corruptions.corrupt(t, rng), "0");
            var group = labeler.judge(t, responses, rng);
            if (group.isEmpty()) {
                continue;
            }
            for (PreferencePair p : group.get().pairs()) {
                double w = Oracle.score(t, p.chosen());
                double l = Oracle.score(t, p.rejected());
                if (w != l) {
                    total++;
                    agree += w > l ? 1 : 0;
                }
            }
        }
        double rate = agree / (double) total;
        assertThat(rate).isBetween(0.7, 0.99);
    }

    @Test
    void demonstrations_carry_the_requested_share_of_errors_and_no_held_out_prompt() {
        TaskGenerator.Split split = new TaskGenerator().split(400, 50, 5);
        var demos = SyntheticData.demonstrations(split.train(), 0.25, 9);
        long wrong = 0;
        for (int i = 0; i < demos.size(); i++) {
            wrong += demos.get(i).completion().equals(split.train().get(i).answer()) ? 0 : 1;
        }
        assertThat(wrong / 400.0).isBetween(0.18, 0.32);
        String corpus = SyntheticData.pretrainingCorpus(split.train(), 500, 0.1, 9);
        assertThat(corpus.lines()).hasSize(500);
        assertThat(corpus).contains(" = ", " reversed is ", " sorted is ", " in capitals is ");
        for (SyntheticTask held : split.heldOut()) {
            assertThat(demos).noneMatch(d -> d.prompt().getLast().content().equals(held.prompt()));
        }
        assertThat(SyntheticData.demonstrations(split.train(), 0.25, 9)).isEqualTo(demos);
    }
}
