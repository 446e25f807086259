package dev.pairwise.policy.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import java.util.Random;

class OracleTest {

    @Test
    void exact_answers_score_one_and_garbage_zero() {
        assertThat(Oracle.score(SyntheticTask.add(23, 58), " 81 ")).isEqualTo(1.0);
        assertThat(Oracle.score(SyntheticTask.add(23, 58), "eighty-one")).isEqualTo(0.0);
        assertThat(Oracle.score(SyntheticTask.reverse("c", "a", "f"), "")).isEqualTo(0.0);
        assertThat(Oracle.score("sort: 5 2 9", "2  5 9")).isEqualTo(1.0);
    }

    @Test
    void near_answers_get_partial_credit_in_order_of_nearness() {
        SyntheticTask add = SyntheticTask.add(23, 58);
        assertThat(Oracle.score(add, "80")).isCloseTo(0.4, within(1e-9));
        assertThat(Oracle.score(add, "84")).isCloseTo(0.2, within(1e-9));
        assertThat(Oracle.score(add, "81 is the sum")).isCloseTo(0.5, within(1e-9));

        SyntheticTask sort = SyntheticTask.sort(5, 2, 9);
        assertThat(Oracle.score(sort, "2 9 5")).isCloseTo(0.3, within(1e-9));
        assertThat(Oracle.score(sort, "2 5 9 9")).isCloseTo(0.9 * 3 / 4, within(1e-9));

        SyntheticTask upper = SyntheticTask.uppercase("red", "fox");
        assertThat(Oracle.score(upper, "RED fox")).isCloseTo(0.9 * 1.4 / 2, within(1e-9));
        assertThat(Oracle.score(upper, "red fox")).isLessThan(Oracle.score(upper, "RED fox"));
    }

    @Test
    void corruptions_are_always_wrong_but_near() {
        TaskGenerator gen = new TaskGenerator();
        Random rng = new Random(3);
        for (int i = 0; i < 500; i++) {
            SyntheticTask t = gen.next(rng);
            double s = Oracle.score(t, Corruptions.corrupt(t, rng));
            assertThat(s).as(t.prompt()).isLessThan(1.0).isGreaterThanOrEqualTo(0.0);
        }
    }
}
