package dev.pairwise.app.connections;

/**
 * Tokens one call cost, as the server reported them ({@code usage} of the answer; a streamed
 * answer's last chunk). A server that reports nothing gives zeros and {@code reported = false}.
 */
public record Usage(long promptTokens, long completionTokens, boolean reported) {

    public static final Usage UNREPORTED = new Usage(0, 0, false);

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
