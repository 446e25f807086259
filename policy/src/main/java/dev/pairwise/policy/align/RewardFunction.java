package dev.pairwise.policy.align;

import dev.pairwise.policy.data.pairs.Turn;

import java.util.List;

/**
 * What PPO asks of a reward: a scalar score for each response to its prompt, higher is better.
 * The reward model ({@code dev.pairwise.rewardmodel}) implements it with its score at the last
 * token; the synthetic task's oracle implements it exactly. Called outside any gradient.
 */
@FunctionalInterface
public interface RewardFunction {

    /** Scores {@code responses.get(i)} as the reply to {@code prompts.get(i)}. */
    float[] score(List<List<Turn>> prompts, List<String> responses);
}
