package dev.pairwise.policy.sample;

import java.util.Locale;

/** Why a sample ended; the lower-case name is what the JSONL output and the UI show. */
public enum FinishReason {
    /** A stop token was generated. */
    STOP,
    /** The token budget ({@code maxNewTokens}) or the model's context window was used up. */
    LENGTH;

    /** {@code "stop"} or {@code "length"}, as in OpenAI-style APIs. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
