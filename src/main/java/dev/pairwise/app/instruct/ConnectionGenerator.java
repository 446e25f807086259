package dev.pairwise.app.instruct;

import dev.pairwise.app.connections.ChatMessage;
import dev.pairwise.app.connections.Completion;
import dev.pairwise.app.connections.ConnectionClient;
import dev.pairwise.app.connections.FinishReason;
import dev.pairwise.app.connections.SamplingOverrides;
import java.util.List;

/**
 * A model behind a stored connection: the shared {@link ConnectionClient}, so the connection's
 * caps and its retries with backoff on 429/5xx apply to every request.
 */
final class ConnectionGenerator implements Generator {

    private final ConnectionClient client;
    private final long connectionId;
    private final String label;
    private final double temperature;
    private final int maxTokens;
    private final long seed;

    ConnectionGenerator(ConnectionClient client, long connectionId, String label, double temperature, int maxTokens,
                        long seed) {
        this.client = client;
        this.connectionId = connectionId;
        this.label = label;
        this.temperature = temperature;
        this.maxTokens = maxTokens;
        this.seed = seed;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Answer ask(String prompt, long seedOffset) {
        SamplingOverrides sampling = new SamplingOverrides(temperature, null, maxTokens,
                Long.hashCode(seed + seedOffset), List.of());
        Completion c = client.complete(connectionId, List.of(ChatMessage.user(prompt)), sampling);
        return new Answer(c.text(), c.finishReason() == FinishReason.LENGTH);
    }

    @Override
    public void close() {
        // the client is shared and lives with the app
    }
}
