package dev.pairwise.policy.data.pairs;

import java.util.Locale;

/** Who speaks a turn of a conversation, as the chat template and the OpenAI/TRL message lists name it. */
public enum Role {
    SYSTEM, USER, ASSISTANT;

    /** Parses {@code "system"|"user"|"assistant"} (any case; HH's "Human" counts as user). */
    public static Role parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "system" -> SYSTEM;
            case "user", "human" -> USER;
            case "assistant" -> ASSISTANT;
            default -> throw new IllegalArgumentException("unknown role '" + name + "' (system, user or assistant)");
        };
    }
}
