package dev.pairwise.app.connections;

import com.fasterxml.jackson.core.JacksonException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.TimeoutException;
import dev.pairwise.app.connections.ConnectionFailure.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns whatever the client library or the transport threw into a {@link ConnectionFailure}
 * whose kind decides the retry and whose message says, in words, what the server did. Every
 * message passes through {@link #redact}, so a server that echoes the API key (some 401 bodies
 * do) cannot carry it into a log or an answer.
 */
final class Failures {

    /** How much of a server's error body a message quotes. */
    private static final int BODY_EXCERPT = 300;

    private Failures() {
    }

    static ConnectionFailure classify(Throwable error, ConnectionSettings s, @Nullable String apiKey) {
        ConnectionFailure f = describe(error, s);
        return new ConnectionFailure(f.kind(), redact(f.getMessage(), apiKey), 1, f.retryAfter());
    }

    private static ConnectionFailure describe(Throwable error, ConnectionSettings s) {
        ServerRefusal refusal = find(error, ServerRefusal.class);
        if (refusal != null) {
            return refused(refusal, s);
        }
        if (find(error, TimeoutException.class) != null || find(error, HttpTimeoutException.class) != null
                || find(error, java.util.concurrent.TimeoutException.class) != null) {
            return failure(Kind.TIMEOUT, s.name() + ": no answer within " + s.timeout().toSeconds()
                    + " s (timeout_seconds)");
        }
        if (find(error, InterruptedException.class) != null || Thread.currentThread().isInterrupted()) {
            return failure(Kind.INTERRUPTED, s.name() + ": the call was interrupted");
        }
        JacksonException json = find(error, JacksonException.class);
        if (json != null) {
            return failure(Kind.BAD_RESPONSE, s.name() + ": the server's answer is not chat-completions JSON ("
                    + excerpt(json.getOriginalMessage()) + ")");
        }
        if (find(error, ConnectException.class) != null) {
            return failure(Kind.UNREACHABLE, s.name() + ": cannot reach " + s.baseUrl() + " (connection refused)");
        }
        if (find(error, UnknownHostException.class) != null || find(error, UnresolvedAddressException.class) != null) {
            return failure(Kind.UNREACHABLE, s.name() + ": cannot reach " + s.baseUrl() + " (unknown host)");
        }
        if (find(error, IOException.class) != null) {
            return failure(Kind.UNREACHABLE, s.name() + ": the connection to " + s.baseUrl() + " failed ("
                    + rootMessage(error) + ")");
        }
        if (error instanceof InternalServerException) {
            // The library's own complaint about a 2xx answer, e.g. "no choices returned".
            return failure(Kind.BAD_RESPONSE, s.name() + ": " + excerpt(error.getMessage()));
        }
        return failure(Kind.OTHER, s.name() + ": " + rootMessage(error));
    }

    private static ConnectionFailure refused(ServerRefusal r, ConnectionSettings s) {
        int status = r.statusCode();
        String body = excerpt(r.getMessage());
        String prefix = s.name() + ": the server answered " + status;
        if (status == 429) {
            return new ConnectionFailure(Kind.RATE_LIMITED, prefix + " (rate limited"
                    + r.retryAfter().map(d -> ", retry after " + d.toSeconds() + " s").orElse("") + "): " + body,
                    1, r.retryAfter());
        }
        if (status >= 500) {
            return new ConnectionFailure(Kind.SERVER_ERROR, prefix + ": " + body, 1, r.retryAfter());
        }
        if (status == 401 || status == 403) {
            return failure(Kind.AUTHENTICATION, prefix + " (the API key is missing or not accepted): " + body);
        }
        if (status == 404) {
            return failure(Kind.REJECTED, prefix + " (is base_url the server's root, e.g. http://host:8000/v1, "
                    + "and does it serve the model '" + s.model() + "'?): " + body);
        }
        return failure(Kind.REJECTED, prefix + ": " + body);
    }

    private static ConnectionFailure failure(Kind kind, String message) {
        return new ConnectionFailure(kind, message, 1, Optional.<Duration>empty());
    }

    /** The message with every occurrence of the key (and of its long prefixes and suffixes) starred out. */
    static String redact(@Nullable String message, @Nullable String apiKey) {
        if (message == null) {
            return "";
        }
        if (apiKey == null || apiKey.length() < 4) {
            return message;
        }
        String out = message.replace(apiKey, "***");
        // Servers quote keys partly ("sk-abc…xyz"): no run of 8 or more of its characters survives.
        if (apiKey.length() >= 8) {
            for (int len = apiKey.length() - 1; len >= 8; len--) {
                out = out.replace(apiKey.substring(0, len), "***").replace(apiKey.substring(apiKey.length() - len), "***");
            }
        }
        return out;
    }

    private static String excerpt(@Nullable String text) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return t.length() <= BODY_EXCERPT ? t : t.substring(0, BODY_EXCERPT) + "…";
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return excerpt(m == null || m.isBlank() ? root.getClass().getSimpleName() : m);
    }

    private static <T extends Throwable> @Nullable T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
