package dev.pairwise.app.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pairwise.labeling.quality.LabelerJudgment;
import dev.pairwise.labeling.quality.QualityData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Three careful labelers and one who always ranks the first-shown (left) response best, quickly,
 * over 60 two-response tasks shown in a shuffled order: the table flags the left-picker for
 * position and speed, nobody else, and its numbers are the binomial and Holm values worked by hand.
 */
class LabelersTableTest {

    static final int TASKS = 60;

    @Test
    void a_labeler_who_always_picks_the_left_response_is_flagged_for_position_and_speed() {
        LabelersTable table = LabelersTable.of(inputs("lefty"));
        LabelerRow lefty = row(table, "lefty");
        assertThat(lefty.position().trials()).isEqualTo(TASKS);
        assertThat(lefty.position().successes()).isEqualTo(TASKS);
        double p = 2 * Math.pow(0.5, TASKS);
        assertThat(lefty.position().p()).isCloseTo(p, within(p * 1e-9));
        // 4 labelers x 3 tests = 12; lefty's position and speed p-values are the two smallest and equal
        assertThat(lefty.position().pAdjusted()).isCloseTo(12 * p, within(p * 1e-8));
        assertThat(lefty.flags()).startsWith("position", "speed");
        assertThat(lefty.flags().contains("gold")).isEqualTo(lefty.goldAccuracy() < 0.7);
        // 1 s against the others' median of about 20 s (their times vary by up to 1 s)
        assertThat(lefty.speedRatio()).isCloseTo(1000.0 / 20000.0, within(0.003));
        for (String careful : List.of("ann", "bob", "cy")) {
            LabelerRow r = row(table, careful);
            assertThat(r.flags()).as(careful).isEmpty();
            assertThat(r.goldAccuracy()).as(careful).isEqualTo(1.0);
            assertThat(r.agreement()).isNotNull();
        }
        assertThat(lefty.goldAccuracy()).isLessThan(1.0);
        assertThat(lefty.goldJudged()).isEqualTo(6);
        assertThat(row(table, "ann").agreement().pairwiseAgreement())
                .isGreaterThan(lefty.agreement().pairwiseAgreement());
        assertThat(table.flaggedIds()).containsExactly(4L);
    }

    @Test
    void a_labeler_who_always_picks_the_longer_response_is_flagged_for_length_against_the_others_rate() {
        LabelersTable table = LabelersTable.of(inputs("verbose"));
        LabelerRow verbose = row(table, "verbose");
        long othersSuccess = 0;
        long othersTrials = 0;
        for (String other : List.of("ann", "bob", "cy")) {
            LabelerRow r = row(table, other);
            othersSuccess += r.length().successes();
            othersTrials += r.length().trials();
            assertThat(r.flags()).as(other).isEmpty();
        }
        // careful labelers prefer the better response, which is the longer one in every other task
        assertThat(othersSuccess).isEqualTo(othersTrials / 2);
        assertThat(verbose.length().successes()).isEqualTo(TASKS);
        assertThat(verbose.length().p0()).isCloseTo((othersSuccess + 1.0) / (othersTrials + 2.0), within(1e-12));
        assertThat(verbose.length().p()).isCloseTo(BinomialTest.twoSided(TASKS, TASKS, verbose.length().p0()),
                within(1e-15));
        // the longer answer is the gold answer in three of the six gold tasks: 50 %, under the 70 % minimum
        assertThat(verbose.goldAccuracy()).isEqualTo(0.5);
        assertThat(verbose.flags()).containsExactly("length", "gold");
    }

    private static LabelerRow row(LabelersTable t, String name) {
        return t.labelers().stream().filter(r -> r.labeler().equals(name)).findFirst().orElseThrow();
    }

    /**
     * Task i has responses 2i+1 (the better) and 2i+2, the better one the longer in even tasks; the
     * first six tasks are gold. Three careful labelers rank the better first; the fourth, named
     * {@code odd}, ranks the first-shown first ("lefty", and answers in a second) or the longer
     * first ("verbose").
     */
    static LabelersTable.Inputs inputs(String odd) {
        Random random = new Random(7);
        List<LabelerJudgment> judgments = new ArrayList<>();
        Map<Long, Integer> lengths = new HashMap<>();
        Map<Long, List<List<Long>>> gold = new HashMap<>();
        String[] names = {"ann", "bob", "cy", odd};
        long judgmentId = 0;
        for (long task = 0; task < TASKS; task++) {
            long better = 2 * task + 1;
            long worse = 2 * task + 2;
            lengths.put(better, task % 2 == 0 ? 300 : 100);
            lengths.put(worse, task % 2 == 0 ? 100 : 300);
            if (task < 6) {
                gold.put(task, List.of(List.of(better), List.of(worse)));
            }
            for (int l = 0; l < names.length; l++) {
                List<Long> order = random.nextBoolean() ? List.of(better, worse) : List.of(worse, better);
                boolean lefty = names[l].equals("lefty");
                long longer = lengths.get(better) > lengths.get(worse) ? better : worse;
                List<List<Long>> tiers = lefty ? List.of(List.of(order.get(0)), List.of(order.get(1)))
                        : names[l].equals("verbose") ? List.of(List.of(longer), List.of(better + worse - longer))
                        : List.of(List.of(better), List.of(worse));
                long time = lefty ? 1000 : 20000 + random.nextInt(2000) - 1000;
                judgments.add(new LabelerJudgment(++judgmentId, task, l + 1, names[l], order, tiers, time, task < 6));
            }
        }
        return new LabelersTable.Inputs(judgments, lengths, QualityData.goldScores(judgments, gold), Map.of(), Map.of(),
                0.7);
    }
}
