package dev.pairwise.policy.sample;

/**
 * Receives every generated token as soon as it is chosen, for streaming to a console or a web
 * page. Called on the sampling thread, in order for each sample; keep it quick. A listener may
 * also end a sample early ({@link #endsSample}), for stop strings that only show in the text.
 */
@FunctionalInterface
public interface TokenListener {

    /** Ignores every token. */
    TokenListener NONE = (promptIndex, sampleIndex, tokenId, piece) -> { };

    /**
     * @param promptIndex index of the prompt in the request
     * @param sampleIndex which of its K samples
     * @param tokenId     the chosen id (stop tokens included)
     * @param piece       the text this token adds; empty for a stop token, and empty while a
     *                    multi-byte character is still incomplete (the next piece then carries it)
     */
    void onToken(int promptIndex, int sampleIndex, int tokenId, String piece);

    /**
     * Asked right after {@link #onToken} (unless that token was a stop token or the last one
     * allowed): true ends the sample there with {@link FinishReason#STOP}, keeping that token in
     * both its ids and its text (it is ordinary text; the caller decides what to cut, for example
     * OpenAI's {@code stop} strings). Default: never.
     */
    default boolean endsSample(int promptIndex, int sampleIndex) {
        return false;
    }
}
