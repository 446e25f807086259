package dev.pairwise.app.aijudge;

import dev.pairwise.app.connections.ConnectionClient;
import dev.pairwise.app.connections.SamplingOverrides;
import java.util.List;

/**
 * A judge behind a model connection (vLLM, Ollama, a hosted API, or our own {@code /v1}): the
 * connection client's retries with backoff on 429/5xx and its caps apply to every question, and
 * several questions may be in flight at once.
 */
final class ConnectionJudge implements Judge {

    private final ConnectionClient client;
    private final long connectionId;
    private final String name;
    private final SamplingOverrides sampling;
    private final int concurrency;

    ConnectionJudge(ConnectionClient client, long connectionId, String name, int concurrency, double temperature,
                    int maxTokens) {
        this.client = client;
        this.connectionId = connectionId;
        this.name = name;
        this.concurrency = concurrency;
        this.sampling = new SamplingOverrides(temperature, null, maxTokens, null, List.of());
    }

    @Override
    public String system() {
        return name;
    }

    /** The connection's {@code max_concurrent}: the client is thread-safe and enforces that cap itself. */
    @Override
    public int concurrency() {
        return concurrency;
    }

    @Override
    public String ask(String rubric, String prompt, List<String> responses) {
        return client.complete(connectionId, JudgePrompt.messages(rubric, prompt, responses), sampling).text();
    }

    @Override
    public void close() {
        // the client is shared and lives with the app
    }
}
