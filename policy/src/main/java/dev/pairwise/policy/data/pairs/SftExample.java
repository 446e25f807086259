package dev.pairwise.policy.data.pairs;

import java.util.List;

/** A demonstration: the conversation so far ({@code prompt}) and the assistant's reply to learn. */
public record SftExample(List<Turn> prompt, String completion) {

    public SftExample {
        prompt = Turn.checkPrompt(prompt);
        if (completion.isBlank()) {
            throw new IllegalArgumentException("completion must not be empty");
        }
    }

    /** A one-turn demonstration. */
    public static SftExample of(String prompt, String completion) {
        return new SftExample(Turn.user(prompt), completion);
    }
}
