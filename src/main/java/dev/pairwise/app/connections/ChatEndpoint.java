package dev.pairwise.app.connections;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * One connection, ready to call: LangChain4j's OpenAI chat models (blocking and streaming) over
 * {@link ConnectionHttpClient}, with this JVM's caps ({@link ConnectionLimiter}), the retry
 * policy, and the meters. The library's own retries are off ({@code maxRetries(0)}): ours see
 * {@code Retry-After}, take a fresh slot and rate token for every try, and count every request.
 * Holds the plaintext API key (inside the library's client) and never prints it.
 */
final class ChatEndpoint implements AutoCloseable {

    private final ConnectionSettings settings;
    private final @Nullable String apiKey;
    private final ConnectionLimiter limiter;
    private final RetryPolicy retries;
    private final UsageMeter meter;
    private final ConnectionHttpClient http;
    private final ChatModel chat;
    private final StreamingChatModel streaming;
    private final RandomGenerator random = RandomGenerator.getDefault();

    ChatEndpoint(ConnectionSettings settings, @Nullable String apiKey, ConnectionLimiter limiter, RetryPolicy retries,
                 UsageMeter meter) {
        this.settings = settings;
        this.apiKey = apiKey;
        this.limiter = limiter;
        this.retries = retries;
        this.meter = meter;
        this.http = new ConnectionHttpClient(settings.timeout());
        ReusedHttpClient transport = new ReusedHttpClient(http, settings.timeout());
        this.chat = OpenAiChatModel.builder().httpClientBuilder(transport).baseUrl(settings.baseUrl()).apiKey(apiKey)
                .modelName(settings.model()).timeout(settings.timeout()).maxRetries(0).build();
        this.streaming = OpenAiStreamingChatModel.builder().httpClientBuilder(transport).baseUrl(settings.baseUrl())
                .apiKey(apiKey).modelName(settings.model()).timeout(settings.timeout()).build();
    }

    ConnectionSettings settings() {
        return settings;
    }

    ConnectionLimiter limiter() {
        return limiter;
    }

    /** Sends the messages and waits for the whole answer, retrying 429/5xx/unreachable by the policy. */
    Completion complete(List<ChatMessage> messages, SamplingOverrides overrides) {
        return complete(messages, overrides, retries);
    }

    Completion complete(List<ChatMessage> messages, SamplingOverrides overrides, RetryPolicy policy) {
        Sampling sampling = overrides.over(settings);
        ChatRequest request = request(messages, sampling);
        return withRetries(policy, attempt -> {
            long start = System.nanoTime();
            ChatResponse response = chat.chat(request);
            return completion(response, Duration.ofNanos(System.nanoTime() - start), attempt, sampling);
        }, () -> true);
    }

    /**
     * Streams the answer: {@code onText} gets each piece of text as it arrives (on a client
     * thread), and the call returns the whole answer. A failed try is retried only while no text
     * has reached {@code onText}; after that a retry would repeat text the caller already has.
     */
    Completion stream(List<ChatMessage> messages, SamplingOverrides overrides, Consumer<String> onText) {
        Sampling sampling = overrides.over(settings);
        ChatRequest request = request(messages, sampling);
        AtomicBoolean delivered = new AtomicBoolean();
        return withRetries(retries, attempt -> {
            long start = System.nanoTime();
            CompletableFuture<ChatResponse> done = new CompletableFuture<>();
            streaming.chat(request, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String text) {
                    if (!done.isDone()) {
                        delivered.set(true);
                        onText.accept(text);
                    }
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    done.complete(response);
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }
            });
            ChatResponse response;
            try {
                // The transport ends the exchange at the timeout; the margin only guards against a lost signal.
                response = done.get(settings.timeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                throw new dev.langchain4j.exception.TimeoutException("no complete answer");
            }
            return completion(response, Duration.ofNanos(System.nanoTime() - start), attempt, sampling);
        }, () -> !delivered.get());
    }

    private interface Attempt {
        Completion run(int attempt) throws InterruptedException;
    }

    private Completion withRetries(RetryPolicy policy, Attempt attempt, java.util.function.BooleanSupplier mayRetry) {
        for (int n = 1; ; n++) {
            ConnectionFailure failure;
            try (ConnectionLimiter.Slot slot = limiter.acquire()) {
                Completion c = attempt.run(n);
                meter.answered(settings.name(), c.usage(), c.latency());
                return c;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new ConnectionFailure(ConnectionFailure.Kind.INTERRUPTED, settings.name()
                        + ": the call was interrupted", n, Optional.empty());
            } catch (RuntimeException e) {
                failure = Failures.classify(e, settings, apiKey);
            }
            meter.failed(settings.name(), failure.kind());
            if (!failure.kind().retryable() || n >= policy.maxAttempts() || !mayRetry.getAsBoolean()) {
                throw failure.afterAttempts(n);
            }
            Optional<Duration> wait = policy.delay(n, failure.retryAfter(), random);
            if (wait.isEmpty()) {
                throw new ConnectionFailure(failure.kind(), failure.getMessage() + " (waiting longer than "
                        + "pairwise.connections.max-retry-after = " + policy.maxRetryAfter().toSeconds()
                        + " s is not done)", n, failure.retryAfter());
            }
            try {
                Thread.sleep(wait.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectionFailure(ConnectionFailure.Kind.INTERRUPTED, settings.name()
                        + ": interrupted while waiting to retry", n, Optional.empty());
            }
        }
    }

    private ChatRequest request(List<ChatMessage> messages, Sampling sampling) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("A chat request needs at least one message");
        }
        List<dev.langchain4j.data.message.ChatMessage> converted = messages.stream().map(ChatEndpoint::convert).toList();
        return ChatRequest.builder().messages(converted).parameters(OpenAiChatRequestParameters.builder()
                .modelName(settings.model()).temperature(sampling.temperature()).topP(sampling.topP())
                .maxOutputTokens(sampling.maxTokens()).seed(sampling.seed())
                .stopSequences(sampling.stop().isEmpty() ? null : sampling.stop()).build()).build();
    }

    private static dev.langchain4j.data.message.ChatMessage convert(ChatMessage m) {
        return switch (m.role()) {
            case SYSTEM -> SystemMessage.from(m.content());
            case USER -> UserMessage.from(m.content());
            case ASSISTANT -> AiMessage.from(m.content());
        };
    }

    private Completion completion(ChatResponse r, Duration latency, int attempt, Sampling sampling) {
        String text = r.aiMessage() == null || r.aiMessage().text() == null ? "" : r.aiMessage().text();
        TokenUsage u = r.tokenUsage();
        Usage usage = u == null || u.inputTokenCount() == null && u.outputTokenCount() == null ? Usage.UNREPORTED
                : new Usage(orZero(u.inputTokenCount()), orZero(u.outputTokenCount()), true);
        String model = r.modelName() == null || r.modelName().isBlank() ? settings.model() : r.modelName();
        return new Completion(text, finishReason(r.finishReason()), usage, latency, attempt, model, sampling);
    }

    private static long orZero(@Nullable Integer n) {
        return n == null ? 0 : n;
    }

    private static FinishReason finishReason(dev.langchain4j.model.output.@Nullable FinishReason r) {
        if (r == null) {
            return FinishReason.OTHER;
        }
        return switch (r) {
            case STOP -> FinishReason.STOP;
            case LENGTH -> FinishReason.LENGTH;
            case CONTENT_FILTER -> FinishReason.CONTENT_FILTER;
            case TOOL_EXECUTION -> FinishReason.TOOL_CALLS;
            default -> FinishReason.OTHER;
        };
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "ChatEndpoint[" + settings.name() + " " + settings.baseUrl() + " " + settings.model() + "]";
    }
}
