package dev.pairwise.app.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.pairwise.app.leaderboard.Battle.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BradleyTerryTest {

    private static List<Battle> times(int n, String a, String b, Outcome outcome) {
        return Collections.nCopies(n, new Battle(a, b, outcome));
    }

    private static List<Battle> concat(List<List<Battle>> parts) {
        List<Battle> all = new ArrayList<>();
        parts.forEach(all::addAll);
        return all;
    }

    @Test
    void three_wins_in_four_put_the_winner_400_log10_3_points_ahead_around_a_mean_of_1000() {
        Map<String, Double> elo = BradleyTerry.fit(concat(List.of(
                times(3, "a", "b", Outcome.A), times(1, "a", "b", Outcome.B))));
        double gap = 400 * Math.log10(3); // 190.85
        assertThat(elo.get("a") - elo.get("b")).isCloseTo(gap, within(0.05));
        assertThat(elo.get("a")).isCloseTo(1000 + gap / 2, within(0.05));
        assertThat(elo.get("b")).isCloseTo(1000 - gap / 2, within(0.05));
    }

    @Test
    void ties_count_half_a_win_for_each_side() {
        // 2 wins + 2 ties = a score of 3 in 4, the same as 3 wins in 4; the side does not matter.
        Map<String, Double> elo = BradleyTerry.fit(concat(List.of(
                times(2, "a", "b", Outcome.A), times(1, "a", "b", Outcome.TIE), times(1, "b", "a", Outcome.TIE))));
        assertThat(elo.get("a") - elo.get("b")).isCloseTo(400 * Math.log10(3), within(0.05));
    }

    @Test
    void a_consistent_three_player_example_is_recovered_exactly() {
        // Strengths 9 : 3 : 1 give win rates 3:1 (a-b), 3:1 (b-c) and 9:1 (a-c): the MLE is exact.
        Map<String, Double> elo = BradleyTerry.fit(concat(List.of(
                times(30, "a", "b", Outcome.A), times(10, "b", "a", Outcome.A),
                times(30, "b", "c", Outcome.A), times(10, "c", "b", Outcome.A),
                times(9, "c", "a", Outcome.B), times(1, "c", "a", Outcome.A))));
        double step = 400 * Math.log10(3);
        assertThat(elo.get("a")).isCloseTo(1000 + step, within(0.05));
        assertThat(elo.get("b")).isCloseTo(1000, within(0.05));
        assertThat(elo.get("c")).isCloseTo(1000 - step, within(0.05));
    }

    @Test
    void an_unbeaten_system_gets_a_finite_rating_above_the_rest() {
        Map<String, Double> elo = BradleyTerry.fit(concat(List.of(
                times(5, "a", "b", Outcome.A), times(2, "b", "c", Outcome.A), times(1, "b", "c", Outcome.B))));
        assertThat(elo.values()).allSatisfy(r -> assertThat(r).isFinite());
        assertThat(elo.get("a")).isGreaterThan(elo.get("b") + 400);
        assertThat(elo.get("b")).isGreaterThan(elo.get("c"));
    }

    @Test
    void bootstrap_intervals_cover_the_true_ratings_of_simulated_battles() {
        double[] truth = {800, 950, 1050, 1200}; // mean 1000, like the fitted board
        String[] names = {"m0", "m1", "m2", "m3"};
        int covered = 0;
        int intervals = 0;
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            List<Battle> battles = new ArrayList<>();
            for (int k = 0; k < 1500; k++) {
                int i = random.nextInt(4);
                int j = (i + 1 + random.nextInt(3)) % 4;
                double pA = 1 / (1 + Math.pow(10, (truth[j] - truth[i]) / 400));
                battles.add(new Battle(names[i], names[j], random.nextDouble() < pA ? Outcome.A : Outcome.B));
            }
            List<Rating> board = BradleyTerry.bootstrap(battles, BradleyTerry.DEFAULT_ROUNDS, seed);
            assertThat(board).extracting(Rating::model).containsExactly("m3", "m2", "m1", "m0");
            for (Rating r : board) {
                double trueElo = truth[Integer.parseInt(r.model().substring(1))];
                assertThat(r.lower()).isLessThanOrEqualTo(r.elo());
                assertThat(r.upper()).isGreaterThanOrEqualTo(r.elo());
                assertThat(r.upper() - r.lower()).as("interval width").isBetween(10.0, 150.0);
                intervals++;
                if (r.lower() <= trueElo && trueElo <= r.upper()) {
                    covered++;
                }
            }
        }
        // Nominal 95%; the percentile bootstrap is close to it at this size.
        assertThat((double) covered / intervals).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void the_bootstrap_is_reproducible_from_its_seed_and_counts_battles() {
        List<Battle> battles = concat(List.of(times(6, "a", "b", Outcome.A), times(4, "a", "b", Outcome.B),
                times(3, "b", "c", Outcome.TIE)));
        List<Rating> one = BradleyTerry.bootstrap(battles, 50, 7);
        assertThat(BradleyTerry.bootstrap(battles, 50, 7)).isEqualTo(one);
        assertThat(one).filteredOn(r -> r.model().equals("b")).first()
                .extracting(Rating::battles).isEqualTo(13);
    }

    @Test
    void resampling_whole_judgments_widens_intervals_that_correlated_battles_would_narrow() {
        // 400 independent battles, each seen three times (as one judgment yields correlated battles).
        Random random = new Random(3);
        List<Battle> single = new ArrayList<>();
        for (int k = 0; k < 400; k++) {
            single.add(new Battle("a", "b", random.nextDouble() < 0.64 ? Outcome.A : Outcome.B));
        }
        List<List<Battle>> tripled = single.stream().map(b -> List.of(b, b, b)).toList();
        List<Battle> flat = tripled.stream().flatMap(List::stream).toList();

        double independent = width(BradleyTerry.bootstrap(single, 200, 1));
        double byGroup = width(BradleyTerry.bootstrapByGroup(tripled, 200, 1));
        double byBattle = width(BradleyTerry.bootstrap(flat, 200, 1));
        assertThat(byGroup / independent).isBetween(0.8, 1.25);
        assertThat(byGroup / byBattle).isGreaterThan(1.4); // about sqrt(3)
        // Same maximum-likelihood point (up to the weak prior, which three times the data outweighs more).
        assertThat(BradleyTerry.bootstrapByGroup(tripled, 10, 1).getFirst().elo())
                .isCloseTo(BradleyTerry.bootstrap(single, 10, 1).getFirst().elo(), within(0.01));
    }

    private static double width(List<Rating> board) {
        Rating a = board.stream().filter(r -> r.model().equals("a")).findFirst().orElseThrow();
        return a.upper() - a.lower();
    }

    @Test
    void bad_input_is_refused() {
        assertThatThrownBy(() -> BradleyTerry.fit(List.of())).hasMessageContaining("at least one battle");
        assertThatThrownBy(() -> new Battle("a", "a", Outcome.A)).hasMessageContaining("itself");
        assertThatThrownBy(() -> BradleyTerry.bootstrap(times(1, "a", "b", Outcome.A), 0, 1))
                .hasMessageContaining("rounds");
    }
}
