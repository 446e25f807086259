package dev.pairwise.policy.synthetic;

import dev.pairwise.policy.align.RewardFunction;
import dev.pairwise.policy.data.pairs.Turn;

import java.util.List;

/** The oracle as a {@link RewardFunction}: the exact reward of the synthetic task (for tests and baselines). */
public final class OracleReward implements RewardFunction {

    @Override
    public float[] score(List<List<Turn>> prompts, List<String> responses) {
        if (prompts.size() != responses.size()) {
            throw new IllegalArgumentException("prompts and responses differ in count");
        }
        float[] out = new float[responses.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Oracle.score(prompts.get(i).getLast().content(), responses.get(i));
        }
        return out;
    }
}
