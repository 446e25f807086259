package dev.pairwise.app.connections;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/**
 * A non-2xx answer, as the client library's {@link HttpException} (so its exception mapping
 * works as usual) plus what the library drops: the server's {@code Retry-After}.
 */
final class ServerRefusal extends HttpException {

    private final transient Optional<Duration> retryAfter;

    ServerRefusal(int statusCode, String body, Optional<Duration> retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
