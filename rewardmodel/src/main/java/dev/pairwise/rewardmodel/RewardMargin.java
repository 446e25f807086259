package dev.pairwise.rewardmodel;

import dev.pairwise.policy.align.RewardFunction;
import dev.pairwise.policy.data.pairs.Turn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A reward model's uncertainty about one comparison task, for uncertainty-first routing (active
 * learning): the smallest gap between adjacent sorted reward scores of the task's responses (for
 * two responses, their margin). Identical texts count once: they carry no preference to learn, and
 * counting them would make every task with a repeated sample look maximally uncertain.
 */
public final class RewardMargin {

    private RewardMargin() {
    }

    /**
     * The smallest gap between adjacent sorted scores of the distinct texts among {@code responses};
     * {@code null} when fewer than two distinct texts remain (no comparison to make).
     */
    public static Double smallestGap(List<String> responses, float[] scores) {
        if (responses.size() != scores.length) {
            throw new IllegalArgumentException("responses and scores differ in count");
        }
        Map<String, Float> distinct = new HashMap<>();
        for (int i = 0; i < scores.length; i++) {
            distinct.putIfAbsent(responses.get(i).strip(), scores[i]);
        }
        if (distinct.size() < 2) {
            return null;
        }
        float[] s = new float[distinct.size()];
        int n = 0;
        for (float v : distinct.values()) {
            s[n++] = v;
        }
        Arrays.sort(s);
        double gap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < s.length; i++) {
            gap = Math.min(gap, (double) s[i] - s[i - 1]);
        }
        return gap;
    }

    /**
     * Margins of many tasks scored in one pass: {@code responses.get(t)} are task {@code t}'s
     * responses to {@code prompts.get(t)}; an element is {@code null} as in {@link #smallestGap}.
     */
    public static List<Double> of(RewardFunction reward, List<List<Turn>> prompts, List<List<String>> responses) {
        if (prompts.size() != responses.size()) {
            throw new IllegalArgumentException("prompts and response lists differ in count");
        }
        List<List<Turn>> flatPrompts = new ArrayList<>();
        List<String> flatResponses = new ArrayList<>();
        for (int t = 0; t < prompts.size(); t++) {
            for (String r : responses.get(t)) {
                flatPrompts.add(prompts.get(t));
                flatResponses.add(r);
            }
        }
        float[] all = flatResponses.isEmpty() ? new float[0] : reward.score(flatPrompts, flatResponses);
        List<Double> out = new ArrayList<>(prompts.size());
        int at = 0;
        for (List<String> task : responses) {
            out.add(smallestGap(task, Arrays.copyOfRange(all, at, at + task.size())));
            at += task.size();
        }
        return out;
    }
}
