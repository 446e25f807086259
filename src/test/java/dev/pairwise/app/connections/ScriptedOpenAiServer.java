package dev.pairwise.app.connections;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server on 127.0.0.1 that answers {@code POST …/chat/completions} as an
 * OpenAI-compatible server would, by a script: each request takes the next scripted reply (the
 * default one when the script is used up). It records every request (headers, body, arrival
 * time) and how many were in flight at once (until each answer starts), so tests can see
 * retries, backoff and caps from the server's side. Used by the client's contract test, the API tests and the browser test.
 */
public final class ScriptedOpenAiServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A request as the server saw it. */
    public record Seen(String method, String path, Map<String, List<String>> headers, String body, long arrivedNanos) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    /** One scripted answer. */
    @FunctionalInterface
    public interface Reply {
        void write(HttpExchange exchange, Seen request) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Seen> seen = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Reply fallback = answer("pong", 5, 1);

    public ScriptedOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL a connection names: {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Queues replies for the next requests, in order. */
    public ScriptedOpenAiServer then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** The reply once the script is used up (at first: "pong", 5 + 1 tokens). */
    public ScriptedOpenAiServer otherwise(Reply reply) {
        fallback = reply;
        return this;
    }

    public synchronized List<Seen> requests() {
        return List.copyOf(seen);
    }

    /**
     * The most requests the server was holding at one time: from the arrival of a request to the
     * first byte of its answer's body.
     */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        // A request stops counting before its answer can reach the client: the body is buffered and
        // sent when the exchange closes, so a count dropped after that would let a capped client's
        // next request (sent as soon as it has the answer) arrive first, and three be counted under
        // a cap of two whenever this thread is preempted between the two (a busy machine).
        AtomicBoolean counted = new AtomicBoolean(true);
        Runnable answered = () -> {
            if (counted.getAndSet(false)) {
                inFlight.decrementAndGet();
            }
        };
        exchange.setStreams(null, new FilterOutputStream(exchange.getResponseBody()) {
            @Override
            public void write(int b) throws IOException {
                answered.run();
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                answered.run();
                out.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                answered.run();
                out.flush();
            }
        });
        try (exchange) {
            Seen request = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), System.nanoTime());
            synchronized (this) {
                seen.add(request);
            }
            Reply reply = script.poll();
            (reply == null ? fallback : reply).write(exchange, request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client gave up (timeout): nothing to answer
        } finally {
            answered.run();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    // ---- replies

    /** A chat completion with this text, finish reason "stop" and this usage. */
    public static Reply answer(String text, int promptTokens, int completionTokens) {
        return (exchange, request) -> json(exchange, 200, completion(text, "stop", promptTokens, completionTokens));
    }

    /** A status with a JSON error body in OpenAI's shape, and headers such as Retry-After. */
    public static Reply status(int status, String message, String... headerPairs) {
        return (exchange, request) -> {
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
            }
            json(exchange, status, JSON.writeValueAsString(Map.of("error", Map.of("message", message,
                    "type", "scripted", "code", status))));
        };
    }

    /** 401 whose message quotes the Authorization header it got, as careless servers do. */
    public static Reply unauthorizedEchoingKey() {
        return (exchange, request) -> json(exchange, 401, JSON.writeValueAsString(Map.of("error", Map.of(
                "message", "Incorrect API key provided: " + request.header("Authorization")))));
    }

    /** 200 with a body that is not JSON. */
    public static Reply malformed(String body) {
        return (exchange, request) -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    /** Waits, then gives the reply (a timeout when longer than the client's). */
    public static Reply after(Duration delay, Reply reply) {
        return (exchange, request) -> {
            Thread.sleep(delay);
            reply.write(exchange, request);
        };
    }

    /**
     * Server-sent events as vLLM sends them for {@code stream: true}: one chunk per piece, a last
     * chunk with the finish reason, a usage chunk, then {@code [DONE]}; {@code gap} between chunks.
     */
    public static Reply stream(Duration gap, int promptTokens, int completionTokens, String... pieces) {
        return (exchange, request) -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            boolean first = true;
            for (String piece : pieces) {
                Map<String, Object> delta = first ? Map.of("role", "assistant", "content", piece) : Map.of("content", piece);
                first = false;
                event(out, chunk(List.of(choice(delta, null)), null));
                Thread.sleep(gap);
            }
            event(out, chunk(List.of(choice(Map.of(), "stop")), null));
            event(out, chunk(List.of(), Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens,
                    "total_tokens", promptTokens + completionTokens)));
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        };
    }

    public static String completion(String text, String finishReason, int promptTokens, int completionTokens) {
        return JSON.writeValueAsString(Map.of(
                "id", "chatcmpl-scripted", "object", "chat.completion", "created", 1_700_000_000,
                "model", "scripted-model",
                "choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", text),
                        "finish_reason", finishReason)),
                "usage", Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens,
                        "total_tokens", promptTokens + completionTokens)));
    }

    private static Map<String, Object> choice(Map<String, Object> delta, String finishReason) {
        var choice = new java.util.HashMap<String, Object>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finishReason);
        return choice;
    }

    private static String chunk(List<Map<String, Object>> choices, Map<String, Object> usage) {
        var chunk = new java.util.HashMap<String, Object>();
        chunk.put("id", "chatcmpl-scripted");
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", 1_700_000_000);
        chunk.put("model", "scripted-model");
        chunk.put("choices", choices);
        if (usage != null) {
            chunk.put("usage", usage);
        }
        return JSON.writeValueAsString(chunk);
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
