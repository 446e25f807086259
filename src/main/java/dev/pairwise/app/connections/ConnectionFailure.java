package dev.pairwise.app.connections;

import java.util.Optional;

/**
 * A call that did not produce an answer, after the retries its kind allows. The message is for
 * people (it goes into a job's log or the form's test result): it says what the server did and
 * never contains the API key.
 */
public class ConnectionFailure extends RuntimeException {

    /** What went wrong, which decides whether a retry may help. */
    public enum Kind {
        /** 429: the server's rate limit (retried). */
        RATE_LIMITED(true),
        /** 5xx (retried). */
        SERVER_ERROR(true),
        /** No connection could be made: refused, unknown host (retried: a server may be restarting). */
        UNREACHABLE(true),
        /** No answer within the connection's timeout (not retried: it would double the wait and the cost). */
        TIMEOUT(false),
        /** 401/403: the API key is missing or wrong. */
        AUTHENTICATION(false),
        /** Another 4xx: an unknown model, a setting the server refuses. */
        REJECTED(false),
        /** A 2xx whose body is not a chat completion (malformed JSON, no choices). */
        BAD_RESPONSE(false),
        /** The call was interrupted (a cancelled job). */
        INTERRUPTED(false),
        /** Anything else. */
        OTHER(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final int attempts;
    private final transient Optional<java.time.Duration> retryAfter;

    ConnectionFailure(Kind kind, String message, int attempts, Optional<java.time.Duration> retryAfter) {
        super(message);
        this.kind = kind;
        this.attempts = attempts;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** Requests sent before giving up. */
    public int attempts() {
        return attempts;
    }

    /** How long the server asked to wait ({@code Retry-After}), if it said. */
    public Optional<java.time.Duration> retryAfter() {
        return retryAfter;
    }

    ConnectionFailure afterAttempts(int n) {
        ConnectionFailure f = new ConnectionFailure(kind, getMessage(), n, retryAfter);
        f.setStackTrace(getStackTrace());
        return f;
    }
}
