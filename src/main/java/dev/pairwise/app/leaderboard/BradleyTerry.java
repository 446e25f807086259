package dev.pairwise.app.leaderboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The Bradley–Terry leaderboard of Chatbot Arena (Chiang et al. 2024, "Chatbot Arena: An Open
 * Platform for Evaluating LLMs by Human Preference", §5): P(A beats B) = 1 / (1 + 10^((R_B − R_A)/400)),
 * fitted by maximum likelihood over all battles, with 95% intervals from a bootstrap over battles
 * (or over whole judgments, {@link #bootstrapByGroup}).
 *
 * <p>How ties enter the likelihood is a {@link TieRule}: by default Arena's own construction
 * ({@code compute_mle_elo}: each battle twice, a tie one win each way), or half a win each. The two
 * have the same unpenalised maximum (see {@link TieRule}). The fit is Newton's method with step
 * halving on the concave log-likelihood plus a weak Gaussian (L2) prior on the strengths. That
 * prior is a deliberate departure: Arena's logistic regression has no penalty
 * ({@code penalty=None}) and fixes the otherwise free offset only because its solver starts at
 * zero; the prior fixes the offset explicitly and keeps an unbeaten system finite, at the cost of
 * under 0.02 Elo on the 3-of-4 example. Ratings are 1000 + 400·log10(strength), shifted so that
 * their mean is 1000 (Arena's initial rating; Arena then moves its board so that one named model
 * sits at a chosen rating, which only shifts every rating alike).
 */
public final class BradleyTerry {

    /** Arena's scale: 400 Elo points per factor of ten in odds. */
    static final double SCALE = 400.0;
    /** Arena's initial rating; here the mean of the board. */
    static final double BASE = 1000.0;
    /** Bootstrap rounds: the default of Arena's leaderboard script (FastChat elo_analysis.py, --num-bootstrap 100). */
    public static final int DEFAULT_ROUNDS = 100;
    /** Prior precision on natural-log strengths: moves the 3-of-4 example by under 0.02 Elo. */
    static final double PRIOR = 1e-4;

    private BradleyTerry() {
    }

    /**
     * Maximum-likelihood ratings on the Elo scale, mean 1000, for every system named in the battles.
     *
     * @return system name → rating, in name order
     * @throws IllegalArgumentException when there are no battles
     */
    public static Map<String, Double> fit(List<Battle> battles) {
        return fit(battles, TieRule.ARENA);
    }

    /** As {@link #fit(List)}, with ties entered by {@code ties}. */
    public static Map<String, Double> fit(List<Battle> battles, TieRule ties) {
        Indexed data = Indexed.of(battles.stream().map(List::of).toList());
        double[] elo = data.fit(data.counts(null, ties));
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < data.names.size(); i++) {
            out.put(data.names.get(i), elo[i]);
        }
        return out;
    }

    /**
     * The leaderboard: the ratings of {@link #fit} with 95% bootstrap intervals (2.5th and 97.5th
     * percentiles of the ratings refitted on {@code rounds} resamples of the battles, drawn with
     * replacement by a {@link Random} seeded with {@code seed}), best first.
     */
    public static List<Rating> bootstrap(List<Battle> battles, int rounds, long seed) {
        return bootstrap(battles, rounds, seed, TieRule.ARENA);
    }

    /** As {@link #bootstrap(List, int, long)}, with ties entered by {@code ties}. */
    public static List<Rating> bootstrap(List<Battle> battles, int rounds, long seed, TieRule ties) {
        return bootstrapByGroup(battles.stream().map(List::of).toList(), rounds, seed, ties);
    }

    /**
     * As {@link #bootstrap}, but resampling whole groups of battles: the battles one K-wise
     * judgment yields share a labeler and a prompt, so the judgment, not the battle, is the
     * independent draw. With one battle per group it is exactly {@link #bootstrap}.
     */
    public static List<Rating> bootstrapByGroup(List<List<Battle>> groups, int rounds, long seed) {
        return bootstrapByGroup(groups, rounds, seed, TieRule.ARENA);
    }

    /** As {@link #bootstrapByGroup(List, int, long)}, with ties entered by {@code ties}. */
    public static List<Rating> bootstrapByGroup(List<List<Battle>> groups, int rounds, long seed, TieRule ties) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
        }
        Indexed data = Indexed.of(groups);
        int n = data.names.size();
        double[] point = data.fit(data.counts(null, ties));
        double[][] samples = new double[n][rounds];
        Random random = new Random(seed);
        for (int r = 0; r < rounds; r++) {
            double[] elo = data.fit(data.counts(random, ties));
            for (int i = 0; i < n; i++) {
                samples[i][r] = elo[i];
            }
        }
        List<Rating> board = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            java.util.Arrays.sort(samples[i]);
            board.add(new Rating(data.names.get(i), point[i],
                    percentile(samples[i], 2.5), percentile(samples[i], 97.5), data.battlesOf[i]));
        }
        board.sort(Comparator.comparingDouble(Rating::elo).reversed());
        return board;
    }

    /** Linear interpolation between closest ranks (NumPy's default) on sorted values. */
    static double percentile(double[] sorted, double p) {
        double pos = p / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Battles as (i, j, outcome from i's side) over systems indexed in name order, in groups. */
    private static final class Indexed {
        final List<String> names;
        final int[] first;
        final int[] second;
        final Battle.Outcome[] outcome;
        final int[] battlesOf;
        /** Group g holds battles groupStart[g] .. groupStart[g+1]-1. */
        final int[] groupStart;

        private Indexed(List<String> names, int[] first, int[] second, Battle.Outcome[] outcome, int[] battlesOf,
                        int[] groupStart) {
            this.names = names;
            this.first = first;
            this.second = second;
            this.outcome = outcome;
            this.battlesOf = battlesOf;
            this.groupStart = groupStart;
        }

        static Indexed of(List<List<Battle>> groups) {
            List<Battle> battles = groups.stream().flatMap(List::stream).toList();
            if (battles.isEmpty()) {
                throw new IllegalArgumentException("A leaderboard needs at least one battle");
            }
            TreeSet<String> set = new TreeSet<>();
            battles.forEach(b -> {
                set.add(b.modelA());
                set.add(b.modelB());
            });
            List<String> names = List.copyOf(set);
            Map<String, Integer> index = new LinkedHashMap<>();
            names.forEach(name -> index.put(name, index.size()));
            int m = battles.size();
            int[] a = new int[m];
            int[] b = new int[m];
            Battle.Outcome[] s = new Battle.Outcome[m];
            int[] count = new int[names.size()];
            for (int k = 0; k < m; k++) {
                Battle battle = battles.get(k);
                a[k] = index.get(battle.modelA());
                b[k] = index.get(battle.modelB());
                s[k] = battle.outcome();
                count[a[k]]++;
                count[b[k]]++;
            }
            int[] start = new int[groups.size() + 1];
            for (int g = 0; g < groups.size(); g++) {
                start[g + 1] = start[g] + groups.get(g).size();
            }
            return new Indexed(names, a, b, s, count, start);
        }

        /** Games and A-wins per ordered pair; all battles, or a resample of groups when random is given. */
        PairCounts counts(@Nullable Random random, TieRule ties) {
            int n = names.size();
            PairCounts c = new PairCounts(new double[n][n], new double[n][n]);
            int groups = groupStart.length - 1;
            for (int r = 0; r < groups; r++) {
                int g = random == null ? r : random.nextInt(groups);
                for (int k = groupStart[g]; k < groupStart[g + 1]; k++) {
                    c.games[first[k]][second[k]] += ties.games();
                    c.wins[first[k]][second[k]] += ties.winsOfA(outcome[k]);
                }
            }
            return c;
        }

        double[] fit(PairCounts counts) {
            double[] theta = Newton.maximise(counts.games, counts.wins, PRIOR);
            double mean = java.util.Arrays.stream(theta).average().orElse(0);
            double[] elo = new double[theta.length];
            for (int i = 0; i < theta.length; i++) {
                elo[i] = BASE + SCALE * (theta[i] - mean) / Math.log(10);
            }
            return elo;
        }
    }

    /** games[i][j]: the weight of battles with i as A and j as B; wins[i][j]: A's wins among them. */
    record PairCounts(double[][] games, double[][] wins) {
    }
}
