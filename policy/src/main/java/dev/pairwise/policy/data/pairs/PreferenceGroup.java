package dev.pairwise.policy.data.pairs;

import java.util.ArrayList;
import java.util.List;

/**
 * All preference pairs of one judgment: K responses to one prompt ranked in tiers expand into
 * up to K(K−1)/2 pairs (tied responses give none). InstructGPT (Ouyang et al. 2022, §3.5) trains
 * the reward model on all pairs of a judgment as one batch element, because pairs of one ranking
 * are correlated and shuffling them apart makes the model overfit within one epoch.
 */
public record PreferenceGroup(List<Turn> prompt, List<String> responses, List<Preference> preferences) {

    /** {@code responses[winner]} was preferred over {@code responses[loser]}. */
    public record Preference(int winner, int loser) {
    }

    public PreferenceGroup {
        prompt = Turn.checkPrompt(prompt);
        responses = List.copyOf(responses);
        preferences = List.copyOf(preferences);
        if (preferences.isEmpty()) {
            throw new IllegalArgumentException("a preference group needs at least one pair");
        }
        for (Preference p : preferences) {
            if (p.winner() == p.loser() || p.winner() < 0 || p.loser() < 0
                    || p.winner() >= responses.size() || p.loser() >= responses.size()) {
                throw new IllegalArgumentException("preference " + p + " does not index two of "
                        + responses.size() + " responses");
            }
        }
    }

    /** A group of one pair (files of pairs carry no judgment grouping). */
    public static PreferenceGroup of(PreferencePair pair) {
        return new PreferenceGroup(pair.prompt(), List.of(pair.chosen(), pair.rejected()),
                List.of(new Preference(0, 1)));
    }

    /**
     * The pairs of a ranking given as tiers of response indices, best tier first (ties share a
     * tier): every response is preferred over every response of every lower tier.
     */
    public static PreferenceGroup fromTiers(List<Turn> prompt, List<String> responses, List<List<Integer>> tiers) {
        List<Preference> prefs = new ArrayList<>();
        for (int a = 0; a < tiers.size(); a++) {
            for (int b = a + 1; b < tiers.size(); b++) {
                for (int w : tiers.get(a)) {
                    for (int l : tiers.get(b)) {
                        prefs.add(new Preference(w, l));
                    }
                }
            }
        }
        return new PreferenceGroup(prompt, responses, prefs);
    }

    /** The group's pairs one by one (for DPO, which trains on pairs). */
    public List<PreferencePair> pairs() {
        return preferences.stream()
                .map(p -> new PreferencePair(prompt, responses.get(p.winner()), responses.get(p.loser())))
                .toList();
    }
}
