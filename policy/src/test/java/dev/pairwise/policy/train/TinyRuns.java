package dev.pairwise.policy.train;

import dev.pairwise.policy.data.TokenDataset;
import dev.pairwise.policy.model.GptConfig;

/** A tiny corpus and model for fast training tests. */
public final class TinyRuns {

    public static final String TEXT = "the quick brown fox jumps over the lazy dog. ".repeat(40);

    private TinyRuns() {
    }

    /** Char ids of {@link #TEXT}: 'a'..'z' -> 0..25, ' ' -> 26, '.' -> 27. */
    public static int[] tokens() {
        int[] t = new int[TEXT.length()];
        for (int i = 0; i < t.length; i++) {
            char c = TEXT.charAt(i);
            t[i] = c == ' ' ? 26 : c == '.' ? 27 : c - 'a';
        }
        return t;
    }

    public static TokenDataset dataset(int context) {
        return new TokenDataset(tokens(), 28, context, 0.1);
    }

    public static GptConfig model(boolean modern) {
        GptConfig c = GptConfig.nanogptCpu(28).withContextLength(16);
        c = new GptConfig(28, 16, 2, 2, 32, c.norm(), c.position(), c.mlp(), true, false, 0, 10000, 1e-5);
        return modern ? c.modern() : c;
    }
}
