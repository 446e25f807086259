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
 * quantity PPO's penalty and DPO's β constrain).
 */
public final class SyntheticEval {

    private SyntheticEval() {
    }

    /** Oracle score % (sampled and greedy) and KL to the reference. */
    public record Result(double scorePct, double greedyPct, double kl) {
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
        double score = 0;
        for (Sample s : samples) {
            score += Oracle.score(tasks.get(s.promptIndex()), s.text());
        }
        double greedyScore = 0;
        for (Sample s : greedy) {
            greedyScore += Oracle.score(tasks.get(s.promptIndex()), s.text());
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
        return new Result(100 * score / samples.size(), 100 * greedyScore / greedy.size(), kl / rows.size());
    }
}
