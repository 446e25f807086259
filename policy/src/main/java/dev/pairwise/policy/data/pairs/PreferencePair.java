package dev.pairwise.policy.data.pairs;

import java.util.List;

/** One comparison: to {@code prompt}, {@code chosen} was preferred over {@code rejected}. */
public record PreferencePair(List<Turn> prompt, String chosen, String rejected) {

    public PreferencePair {
        prompt = Turn.checkPrompt(prompt);
        if (chosen.isBlank() || rejected.isBlank()) {
            throw new IllegalArgumentException("chosen and rejected must not be empty");
        }
    }
}
