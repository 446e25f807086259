package dev.pairwise.app.sampling;

import dev.pairwise.app.connections.ChatMessage;
import dev.pairwise.app.connections.Completion;
import dev.pairwise.app.connections.ConnectionClient;
import dev.pairwise.app.connections.ConnectionFailure;
import dev.pairwise.app.connections.ConnectionView;
import dev.pairwise.app.connections.SamplingOverrides;
import dev.pairwise.labeling.task.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stored connection (an OpenAI-compatible server) as a system. Each prompt is sent as one user
 * message, once per response, all of a batch's calls at once on virtual threads: the
 * {@link ConnectionClient} holds them to the connection's concurrency and rate caps and retries
 * 429/5xx. A call that still fails fails its prompt (the job skips that prompt), not the job.
 *
 * <p>Each call asks for its own seed (the job's seed plus the response's place in the snapshot),
 * so that a server that honours seeds gives K different but repeatable responses.
 */
final class ConnectionDraw implements SystemDraw {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConnectionClient client;
    private final ConnectionView connection;
    private final int count;
    private final SystemSpec spec;
    private final long seed;
    private final Origin origin;
    private final AtomicLong tokens = new AtomicLong();
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    ConnectionDraw(ConnectionClient client, ConnectionView connection, SystemSpec spec, long seed, long jobId) {
        this.client = client;
        this.connection = connection;
        this.count = spec.count();
        this.spec = spec;
        this.seed = seed;
        ObjectNode settings = JSON.createObjectNode();
        settings.put("connection", connection.id());
        settings.put("model", connection.settings().model());
        settings.put("temperature", spec.temperature() != null ? spec.temperature() : connection.settings().temperature());
        settings.put("top_p", spec.topP() != null ? spec.topP() : connection.settings().topP());
        settings.put("max_tokens", spec.maxTokens() != null ? spec.maxTokens() : connection.settings().maxTokens());
        settings.put("seed", seed);
        settings.put("job", jobId);
        this.origin = Origin.model(connection.name(), JSON.writeValueAsString(settings));
    }

    @Override
    public Origin origin() {
        return origin;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public String label() {
        return "connection " + connection.name() + " (" + connection.settings().model() + ")";
    }

    @Override
    public List<Drawn> draw(List<String> prompts, long firstIndex) {
        List<List<Future<Completion>>> pending = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            List<ChatMessage> messages = List.of(ChatMessage.user(prompts.get(i)));
            List<Future<Completion>> forPrompt = new ArrayList<>();
            for (int j = 0; j < count; j++) {
                SamplingOverrides overrides = new SamplingOverrides(spec.temperature(), spec.topP(), spec.maxTokens(),
                        seedFor(firstIndex + i, j), List.of());
                forPrompt.add(calls.submit(() -> client.complete(connection.id(), messages, overrides)));
            }
            pending.add(forPrompt);
        }
        List<Drawn> out = new ArrayList<>();
        for (List<Future<Completion>> forPrompt : pending) {
            List<String> texts = new ArrayList<>();
            @Nullable String failure = null;
            for (Future<Completion> f : forPrompt) {
                try {
                    Completion c = f.get();
                    tokens.addAndGet(c.usage().completionTokens());
                    texts.add(PolicySampler.shown(c.text()));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof ConnectionFailure cf)) {
                        throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                    }
                    failure = failure != null ? failure : cf.kind() + " after " + cf.attempts() + " attempts: "
                            + cf.getMessage();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + label(), e);
                }
            }
            out.add(failure == null ? Drawn.ok(texts) : Drawn.failed(failure));
        }
        return out;
    }

    /** A distinct seed per response, in the int range the protocol's {@code seed} takes. */
    private int seedFor(long promptIndex, int slot) {
        return Long.hashCode(seed + promptIndex * 1_000L + slot);
    }

    @Override
    public long tokens() {
        return tokens.get();
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
