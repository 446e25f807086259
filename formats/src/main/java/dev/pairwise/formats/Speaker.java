package dev.pairwise.formats;

import java.util.Locale;

/**
 * Who speaks a turn of a conversation, as chat templates and the OpenAI/TRL message lists name
 * it ({@code "role"} there; not to be confused with an account's role in the labeling domain).
 */
public enum Speaker {
    SYSTEM, USER, ASSISTANT;

    /** Parses {@code "system"|"user"|"assistant"} (any case; HH's "Human" counts as user). */
    public static Speaker parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "system" -> SYSTEM;
            case "user", "human" -> USER;
            case "assistant" -> ASSISTANT;
            default -> throw new IllegalArgumentException("unknown role '" + name + "' (system, user or assistant)");
        };
    }
}
