package dev.pairwise.app.leaderboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Battle votes drawn from systems of known strength, seeded, for tests of the fit and the import.
 * A pair is drawn uniformly from {@code pairs}; the vote is a tie with probability {@code tieRate}
 * (one tie in five of those "both bad"), else A wins with the Bradley–Terry probability
 * 1 / (1 + 10^((R_B − R_A)/400)). The ties are what would expose a wrong tie rule: weighed
 * too much, they pull every rating toward the mean.
 */
public final class SimulatedVotes {

    private SimulatedVotes() {
    }

    /** Every pair of {@code names} may meet. */
    public static List<ArenaReference.Vote> draw(String[] names, double[] elo, int count, double tieRate, long seed) {
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            for (int j = i + 1; j < names.length; j++) {
                pairs.add(new int[] {i, j});
            }
        }
        return draw(names, elo, pairs, count, tieRate, seed);
    }

    /** Only the given pairs (indexes into {@code names}) meet. */
    public static List<ArenaReference.Vote> draw(String[] names, double[] elo, List<int[]> pairs, int count,
                                                 double tieRate, long seed) {
        Random random = new Random(seed);
        List<ArenaReference.Vote> votes = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int[] pair = pairs.get(random.nextInt(pairs.size()));
            boolean swap = random.nextBoolean();
            int a = swap ? pair[1] : pair[0];
            int b = swap ? pair[0] : pair[1];
            String winner;
            if (random.nextDouble() < tieRate) {
                winner = random.nextInt(5) == 0 ? "both_bad" : "tie";
            } else {
                double pA = 1 / (1 + Math.pow(10, (elo[b] - elo[a]) / 400));
                winner = random.nextDouble() < pA ? "a" : "b";
            }
            votes.add(new ArenaReference.Vote(names[a], names[b], winner));
        }
        return votes;
    }

    /** The votes as the leaderboard's battles: both bad is a tie. */
    public static List<Battle> battles(List<ArenaReference.Vote> votes) {
        return votes.stream().map(v -> new Battle(v.modelA(), v.modelB(), switch (v.winner()) {
            case "a" -> Battle.Outcome.A;
            case "b" -> Battle.Outcome.B;
            default -> Battle.Outcome.TIE;
        })).toList();
    }
}
