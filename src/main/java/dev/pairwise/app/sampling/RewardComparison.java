package dev.pairwise.app.sampling;

/**
 * Policy A against policy B on the same prompts, judged by a reward model: A wins a prompt when
 * its response scores higher, and a tie (equal scores, as two identical responses get) counts
 * half, as in AlpacaEval's and Arena's win rates.
 *
 * @param winRate        (wins + ties / 2) / prompts, from A's side
 * @param meanA          A's mean reward
 * @param meanB          B's mean reward
 * @param wins           prompts where A scored higher
 * @param ties           prompts with equal scores
 * @param losses         prompts where B scored higher
 */
record RewardComparison(double winRate, double meanA, double meanB, int wins, int ties, int losses) {

    static RewardComparison of(float[] a, float[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("need the same positive number of scores for A and B, got "
                    + a.length + " and " + b.length);
        }
        int wins = 0;
        int ties = 0;
        double sumA = 0;
        double sumB = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                wins++;
            } else if (a[i] == b[i]) {
                ties++;
            }
            sumA += a[i];
            sumB += b[i];
        }
        int n = a.length;
        return new RewardComparison((wins + ties / 2.0) / n, sumA / n, sumB / n, wins, ties, n - wins - ties);
    }
}
