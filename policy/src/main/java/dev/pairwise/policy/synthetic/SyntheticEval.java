package dev.pairwise.policy.synthetic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.pairwise.policy.align.ChatTokens;
import dev.pairwise.policy.align.TokenLosses;
import dev.pairwise.policy.align.TokenRows;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.model.NoGrad;
import dev.pairwise.policy.sample.Sample;
import dev.pairwise.policy.sample.Sampler;
import dev.pairwise.policy.sample.SamplingConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * How good a policy is on held-out synthetic prompts, by the oracle: the mean score (in %) of K
 * samples at temperature 1 and of the greedy answer, and the KL divergence to a reference,
 * estimated on the samples as {@code mean Σ_t (log π − log π_ref)} (nats per response; the
 * quantity PPO's penalty and DPO's β constrain). Two policies evaluated on the same tasks with the
 * same K compare sample by sample (prompt i, draw j): {@link #winRate} counts a tie as half a win,
 * as AlpacaEval and Chatbot Arena do, and {@link #pairedDifference} gives the mean score gap with
 * its standard error, so "better" can be told from noise.
 */
public final class SyntheticEval {

    private SyntheticEval() {
    }

    /**
     * Oracle score % (sampled and greedy), KL to the reference, and the oracle score of every
     * sample in [0, 1], ordered by prompt, then draw.
     */
    public record Result(double scorePct, double greedyPct, double kl, double[] scores) {

        /** Standard error of {@link #scorePct} over the samples (they are not independent within a prompt, so a floor). */
        public double standardErrorPct() {
            return 100 * Math.sqrt(variance(scores) / scores.length);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "Result[score %.1f%% ± %.1f, greedy %.1f%%, kl %.3f]", scorePct,
                    standardErrorPct(), greedyPct, kl);
        }
    }

    /** Mean score difference {@code a − b} in points, and its standard error over paired samples. */
    public record Difference(double meanPct, double standardErrorPct) {
    }

    /** Share of paired samples where {@code a} scores above {@code b}, ties counted half. */
    public static double winRate(Result a, Result b) {
        checkPaired(a, b);
        double wins = 0;
        for (int i = 0; i < a.scores().length; i++) {
            double d = a.scores()[i] - b.scores()[i];
            wins += d > 1e-9 ? 1 : d < -1e-9 ? 0 : 0.5;
        }
        return wins / a.scores().length;
    }

    /** Paired difference of the sampled scores, {@code a − b}, in points. */
    public static Difference pairedDifference(Result a, Result b) {
        checkPaired(a, b);
        double[] d = new double[a.scores().length];
        double mean = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = a.scores()[i] - b.scores()[i];
            mean += d[i];
        }
        mean /= d.length;
        return new Difference(100 * mean, 100 * Math.sqrt(variance(d) / d.length));
    }

    private static void checkPaired(Result a, Result b) {
        if (a.scores().length != b.scores().length || a.scores().length == 0) {
            throw new IllegalArgumentException("results are not paired: " + a.scores().length + " and "
                    + b.scores().length + " samples");
        }
    }

    private static double variance(double[] x) {
        if (x.length < 2) {
            return 0;
        }
        double mean = Arrays.stream(x).average().orElse(0);
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return ss / (x.length - 1);
    }

    public static Result evaluate(GptModel policy, GptModel reference, ChatTokens chat, List<SyntheticTask> tasks,
            int k, int maxNewTokens, long seed) {
        List<int[]> prompts = tasks.stream().map(t -> chat.prompt(Turn.user(t.prompt()))).toList();
        Sampler sampler = new Sampler(policy, chat.tokenizer());
        Set<Integer> stop = Set.of(chat.endId());
        List<Sample> samples;
        List<Sample> greedy;
        try (NoGrad off = NoGrad.enter()) {
            samples = sampler.sample(prompts, k, new SamplingConfig(1.0, 0, 1.0, maxNewTokens, stop, seed));
            greedy = sampler.sample(prompts, 1, new SamplingConfig(0.0, 0, 1.0, maxNewTokens, stop, seed));
        }
        List<Sample> ordered = new ArrayList<>(samples);
        ordered.sort(java.util.Comparator.comparingInt(Sample::promptIndex)); // stable: draws keep their order
        double[] scores = new double[ordered.size()];
        double score = 0;
        for (int i = 0; i < scores.length; i++) {
            Sample s = ordered.get(i);
            scores[i] = Oracle.score(tasks.get(s.promptIndex()), ChatTokens.cleanResponse(s.text()));
            score += scores[i];
        }
        double greedyScore = 0;
        for (Sample s : greedy) {
            greedyScore += Oracle.score(tasks.get(s.promptIndex()), ChatTokens.cleanResponse(s.text()));
        }
        List<TokenRows.Row> rows = new ArrayList<>();
        for (Sample s : samples) {
            int[] p = prompts.get(s.promptIndex());
            int[] t = Arrays.copyOf(p, p.length + s.tokenIds().length);
            System.arraycopy(s.tokenIds(), 0, t, p.length, s.tokenIds().length);
            boolean[] learn = new boolean[t.length];
            Arrays.fill(learn, p.length, t.length, true);
            rows.add(new TokenRows.Row(t, learn));
        }
        double kl = 0;
        try (NoGrad off = NoGrad.enter(); NDManager root = NDManager.newBaseManager(policy.device())) {
            for (int from = 0; from < rows.size(); from += 32) {
                try (NDManager sm = root.newSubManager()) {
                    NDList b = TokenRows.batch(sm, rows.subList(from, Math.min(from + 32, rows.size())), chat.padId());
                    NDArray lp = TokenLosses.sequenceLogProbs(policy.forward(b.get(0)), b.get(1), b.get(2));
                    NDArray ref = TokenLosses.sequenceLogProbs(reference.forward(b.get(0)), b.get(1), b.get(2));
                    kl += lp.sub(ref).sum().getFloat();
                }
            }
        }
        return new Result(100 * score / samples.size(), 100 * greedyScore / greedy.size(), kl / rows.size(), scores);
    }
}
