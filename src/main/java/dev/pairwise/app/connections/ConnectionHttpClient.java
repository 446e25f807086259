package dev.pairwise.app.connections;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The HTTP transport under LangChain4j's OpenAI client, on the JDK's {@code java.net.http}. The
 * library builds the requests and parses the answers (JSON and server-sent events); this class
 * only moves bytes, for two reasons the library's own JDK transport does not cover:
 * <ul>
 *   <li>a refusal keeps the server's {@code Retry-After} ({@link ServerRefusal}), so retries can
 *       honour it;</li>
 *   <li>the timeout bounds the whole request, answer body and every streamed chunk included, not
 *       only the wait for the response headers: a server that stalls mid-stream is cut off.</li>
 * </ul>
 */
final class ConnectionHttpClient implements HttpClient, AutoCloseable {

    private final java.net.http.HttpClient http;
    private final Duration timeout;

    ConnectionHttpClient(Duration timeout) {
        this.timeout = timeout;
        this.http = java.net.http.HttpClient.newBuilder()
                // vLLM, Ollama and llama.cpp speak HTTP/1.1; an h2c upgrade attempt only confuses some proxies.
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
                .build();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        CompletableFuture<HttpResponse<byte[]>> sent = http.sendAsync(toJdk(request), BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            response = sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            sent.cancel(true);
            throw new TimeoutException("no answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            sent.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
        if (response.statusCode() / 100 != 2) {
            throw refusal(response, new String(response.body(), StandardCharsets.UTF_8));
        }
        return success(response, response.body());
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        AtomicBoolean finished = new AtomicBoolean();
        AtomicReference<InputStream> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<InputStream>> sent = http.sendAsync(toJdk(request), BodyHandlers.ofInputStream());
        // The deadline reports the timeout first, then closes the body, which ends the parser's read.
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (finished.compareAndSet(false, true)) {
                quietly(() -> listener.onError(new TimeoutException("no complete answer within " + timeout.toSeconds() + " s")));
                sent.cancel(true);
                closeQuietly(body.get());
            }
        });
        sent.thenAccept(response -> {
            body.set(response.body());
            if (finished.get()) {
                closeQuietly(response.body());
                return;
            }
            if (response.statusCode() / 100 != 2) {
                String text = readQuietly(response.body());
                if (finished.compareAndSet(false, true)) {
                    quietly(() -> listener.onError(refusal(response, text)));
                }
                return;
            }
            quietly(() -> listener.onOpen(success(response, null)));
            try (InputStream in = response.body()) {
                parser.parse(in, listener);
            } catch (IOException ignored) {
                // closing after the parser read to the end: nothing left to report
            }
            if (finished.compareAndSet(false, true)) {
                quietly(listener::onClose);
            }
        }).exceptionally(error -> {
            if (finished.compareAndSet(false, true)) {
                quietly(() -> listener.onError(failure(error instanceof java.util.concurrent.CompletionException
                        && error.getCause() != null ? error.getCause() : error)));
            }
            return null;
        });
    }

    /** Stops the client's selector thread; calls in flight fail. */
    @Override
    public void close() {
        http.shutdownNow();
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        var builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(timeout);
        request.headers().forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
        builder.method(request.method().name(), request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        return builder.build();
    }

    private RuntimeException failure(Throwable cause) {
        if (cause instanceof java.net.http.HttpTimeoutException) {
            return new TimeoutException("no answer within " + timeout.toSeconds() + " s");
        }
        return cause instanceof RuntimeException r ? r : new IllegalStateException(cause.getMessage(), cause);
    }

    private static ServerRefusal refusal(HttpResponse<?> response, String body) {
        return new ServerRefusal(response.statusCode(), body, retryAfter(response.headers().firstValue("Retry-After")));
    }

    /** {@code Retry-After} as seconds or an HTTP date (RFC 9110 §10.2.3); absent when unreadable. */
    static Optional<Duration> retryAfter(Optional<String> header) {
        return header.map(String::strip).flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Duration d = Duration.between(ZonedDateTime.now(),
                            ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                    return Optional.of(d.isNegative() ? Duration.ZERO : d);
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        });
    }

    private static SuccessfulHttpResponse success(HttpResponse<?> response, byte[] body) {
        return SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                .headers(response.headers().map()).body(body).build();
    }

    private static String readQuietly(InputStream in) {
        try (in) {
            // An error body is a short JSON message; a longer one is cut, not buffered whole.
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(the error body could not be read: " + e.getMessage() + ")";
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // already closed or broken: either way nothing more will be read
            }
        }
    }

    private static void quietly(Runnable listenerCall) {
        try {
            listenerCall.run();
        } catch (RuntimeException ignored) {
            // a listener's failure must not stop the transport from closing the exchange
        }
    }
}
