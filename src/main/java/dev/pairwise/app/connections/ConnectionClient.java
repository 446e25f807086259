package dev.pairwise.app.connections;

import dev.pairwise.app.connections.ModelConnections.StoredConnection;
import dev.pairwise.labeling.NotFoundException;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Calls a stored connection: the one way the rest of Pairwise (sampling jobs that mix systems,
 * AI judges, Self-Instruct) talks to an OpenAI-compatible server.
 *
 * <p>Each call reads the connection's current row, so an edit counts from the next call. A
 * connection's client (LangChain4j's OpenAI chat models over one HTTP client) is built on first
 * use and kept while its settings and key stay the same (calls already under way finish on the
 * client they started with). Its caps hold for every caller in this
 * JVM: at most {@code max_concurrent} requests in flight and {@code requests_per_minute} started
 * per minute; callers over a cap wait (interruptibly) for their turn. An edit that keeps the caps
 * keeps the callers' places; one that changes them starts fresh counts. Every instance of a
 * cluster enforces its caps on its own.
 *
 * <p>Failures: 429, 5xx and unreachable servers are retried with exponential backoff and jitter,
 * honouring {@code Retry-After} (see {@link ConnectionProperties}); timeouts, 4xx and malformed
 * answers are not. What is left is a {@link ConnectionFailure} with a message for people and a
 * {@link ConnectionFailure.Kind} for code. Calls are safe from any thread and block it.
 */
@Service
public class ConnectionClient {

    private final ModelConnections connections;
    private final ApiKeyCipher cipher;
    private final RetryPolicy retries;
    private final UsageMeter meter;
    private final Map<Long, Live> live = new ConcurrentHashMap<>();

    ConnectionClient(ModelConnections connections, ApiKeyCipher cipher, ConnectionProperties properties,
                     UsageMeter meter) {
        this.connections = connections;
        this.cipher = cipher;
        this.retries = properties.retryPolicy();
        this.meter = meter;
    }

    /**
     * Asks the connection's model for one answer and waits for all of it.
     *
     * @param connectionId a stored connection
     * @param messages     the conversation so far, oldest first (at least one message)
     * @param overrides    sampling settings for this call over the connection's defaults
     *                     ({@link SamplingOverrides#NONE} for none)
     * @return the answer with its finish reason, token usage, latency and the settings sent
     * @throws NotFoundException  for an unknown connection
     * @throws ConnectionFailure  when no answer came, after the retries its kind allows
     */
    public Completion complete(long connectionId, List<ChatMessage> messages, SamplingOverrides overrides) {
        return endpoint(connectionId).complete(messages, overrides);
    }

    /**
     * Like {@link #complete}, but streams: {@code onText} receives each piece of text as the server
     * sends it (on an HTTP client thread; keep it short), and the call returns the whole answer.
     * A failed try is retried only before any text has been handed to {@code onText}.
     */
    public Completion stream(long connectionId, List<ChatMessage> messages, SamplingOverrides overrides,
                             Consumer<String> onText) {
        return endpoint(connectionId).stream(messages, overrides, onText);
    }

    /**
     * Sends a tiny chat request (one short user message, at most {@value #TEST_MAX_TOKENS} tokens),
     * once, without retries, to see whether the server answers: the form's "Test connection".
     * Never throws for a failure of the server; an unknown id is {@link NotFoundException}.
     */
    public ConnectionCheck test(long connectionId) {
        ChatEndpoint endpoint = endpoint(connectionId);
        long start = System.nanoTime();
        try {
            Completion c = endpoint.complete(List.of(ChatMessage.user(TEST_PROMPT)),
                    SamplingOverrides.maxTokens(TEST_MAX_TOKENS), RetryPolicy.ONCE);
            return ConnectionCheck.ok(c);
        } catch (ConnectionFailure f) {
            return ConnectionCheck.failed(f, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    static final String TEST_PROMPT = "Reply with the single word: pong";
    static final int TEST_MAX_TOKENS = 16;

    /** A deleted connection's client goes; calls still in flight on it finish. */
    @TransactionalEventListener(fallbackExecution = true)
    void deleted(ModelConnections.Deleted deleted) {
        live.remove(deleted.id());
    }

    @PreDestroy
    void closeAll() {
        live.values().forEach(l -> l.endpoint().close());
        live.clear();
    }

    private ChatEndpoint endpoint(long connectionId) {
        StoredConnection stored = connections.stored(connectionId);
        Live current = live.get(connectionId);
        if (current != null && current.matches(stored)) {
            return current.endpoint();
        }
        Live fresh = live.compute(connectionId, (id, old) -> {
            if (old != null && old.matches(stored)) {
                return old;
            }
            ConnectionLimiter limiter = old != null && old.endpoint().limiter().sameCaps(stored.settings())
                    ? old.endpoint().limiter()
                    : new ConnectionLimiter(stored.settings().maxConcurrent(), stored.settings().requestsPerMinute());
            // The old client is not closed: calls in flight on it finish, and its HTTP client's
            // thread ends once nothing refers to it.
            @Nullable String key = stored.apiKeyEncrypted() == null ? null : cipher.decrypt(stored.apiKeyEncrypted());
            return new Live(stored.settings(), stored.apiKeyEncrypted(),
                    new ChatEndpoint(stored.settings(), key, limiter, retries, meter));
        });
        return fresh.endpoint();
    }

    /** A built client and what it was built from. */
    private record Live(ConnectionSettings settings, @Nullable String apiKeyEncrypted, ChatEndpoint endpoint) {
        boolean matches(StoredConnection s) {
            return settings.equals(s.settings()) && Objects.equals(apiKeyEncrypted, s.apiKeyEncrypted());
        }

        @Override
        public String toString() {
            return "Live[" + settings.name() + "]";
        }
    }
}
