package dev.pairwise.app.leaderboard;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An independent reference for the leaderboard's ratings, written from Chatbot Arena's public
 * notebook ({@code compute_mle_elo}) rather than from {@link BradleyTerry}: the win table
 * {@code ptbl_win = 2·(A wins) + 2·(B wins)ᵀ + (ties + tiesᵀ)}, two logistic-regression rows per
 * ordered pair of systems (X = +ln 10 for the first, −ln 10 for the second; Y = 1 weighted by the
 * first's wins, Y = 0 by the second's), no intercept, no penalty, and ratings 400·w + 1000. Where
 * the notebook calls scikit-learn's L-BFGS, this runs plain gradient descent from w = 0 with the
 * fixed step 1/L (L bounds the Hessian), to a gradient of 1e-9: another algorithm on the same
 * log-likelihood, in another parameterisation (log10-odds per Elo/400, not natural-log strengths),
 * sharing no code with the main fit. Starting at zero keeps Σw = 0, as scikit-learn's solver does,
 * so the mean rating is 1000 in both.
 *
 * <p>Departures, both harmless here: the notebook's pandas tables skip a pair when either system
 * is missing from one of its pivot tables (a NaN), which can drop battles; here every pair that
 * met is kept. The notebook then moves the board so that one named model sits at a set rating,
 * which shifts every rating alike; here the mean stays at 1000, as in the app.
 */
public final class ArenaReference {

    private static final double LN10 = Math.log(10);

    private ArenaReference() {
    }

    /** One vote as a battle file holds it; {@code winner} is "a", "b", "tie" or "both_bad". */
    public record Vote(String modelA, String modelB, String winner) {
    }

    /** Arena's ratings: decisive votes count 2, ties 1 each way, in the win table. */
    public static Map<String, Double> arena(List<Vote> votes) {
        return fit(table(votes, 2.0, 1.0));
    }

    /** The half-win rule: decisive votes count 1, ties ½ each way. */
    public static Map<String, Double> half(List<Vote> votes) {
        return fit(table(votes, 1.0, 0.5));
    }

    /**
     * A rule that is <em>not</em> Arena's: a tie as one win each way but a decisive vote only
     * once, so ties weigh double. Here to show that the comparison can tell the difference.
     */
    public static Map<String, Double> tiesCountedDouble(List<Vote> votes) {
        return fit(table(votes, 1.0, 1.0));
    }

    /** win[a][b]: weight of "a beat b", from either side of the battle. */
    private static Map<String, Map<String, Double>> table(List<Vote> votes, double win, double tie) {
        TreeSet<String> names = new TreeSet<>();
        votes.forEach(v -> {
            names.add(v.modelA());
            names.add(v.modelB());
        });
        Map<String, Map<String, Double>> t = new TreeMap<>();
        for (String a : names) {
            Map<String, Double> row = new TreeMap<>();
            names.forEach(b -> row.put(b, 0.0));
            t.put(a, row);
        }
        for (Vote v : votes) {
            switch (v.winner()) {
                case "a" -> t.get(v.modelA()).merge(v.modelB(), win, Double::sum);
                case "b" -> t.get(v.modelB()).merge(v.modelA(), win, Double::sum);
                case "tie", "both_bad" -> {
                    t.get(v.modelA()).merge(v.modelB(), tie, Double::sum);
                    t.get(v.modelB()).merge(v.modelA(), tie, Double::sum);
                }
                default -> throw new IllegalArgumentException("winner " + v.winner());
            }
        }
        return t;
    }

    private static Map<String, Double> fit(Map<String, Map<String, Double>> table) {
        List<String> names = List.copyOf(table.keySet());
        int p = names.size();
        // The rows: for each ordered pair that met, (first, second, weight of Y=1, weight of Y=0).
        int rows = 0;
        double[][] rowData = new double[p * p][];
        double[] degree = new double[p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                if (i == j) {
                    continue;
                }
                double yes = table.get(names.get(i)).get(names.get(j));
                double no = table.get(names.get(j)).get(names.get(i));
                if (yes + no == 0) {
                    continue;
                }
                rowData[rows++] = new double[] {i, j, yes, no};
                degree[i] += yes + no;
                degree[j] += yes + no;
            }
        }
        // Hessian ≤ ¼·ln²10·(weighted Laplacian), whose largest eigenvalue is at most 2·max degree.
        double maxDegree = 0;
        for (double d : degree) {
            maxDegree = Math.max(maxDegree, d);
        }
        double step = 1.0 / (0.25 * LN10 * LN10 * 2 * maxDegree);
        double[] w = new double[p];
        for (int iteration = 0; iteration < 5_000_000; iteration++) {
            double[] gradient = new double[p];
            for (int r = 0; r < rows; r++) {
                int i = (int) rowData[r][0];
                int j = (int) rowData[r][1];
                double yes = rowData[r][2];
                double no = rowData[r][3];
                double prob = 1 / (1 + Math.exp(-LN10 * (w[i] - w[j])));
                double dz = (yes + no) * prob - yes; // derivative of the weighted log loss in z
                gradient[i] += dz * LN10;
                gradient[j] -= dz * LN10;
            }
            double largest = 0;
            for (int i = 0; i < p; i++) {
                w[i] -= step * gradient[i];
                largest = Math.max(largest, Math.abs(gradient[i]));
            }
            if (largest < 1e-9) {
                Map<String, Double> out = new TreeMap<>();
                for (int i = 0; i < p; i++) {
                    out.put(names.get(i), 400 * w[i] + 1000);
                }
                return out;
            }
        }
        throw new IllegalStateException("gradient descent did not converge");
    }
}
