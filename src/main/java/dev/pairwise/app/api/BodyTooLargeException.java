package dev.pairwise.app.api;

import java.io.IOException;
import java.util.Optional;

/**
 * A request body over its limit ({@link ApiLimits}): thrown by the body limit as soon as it knows,
 * before the body is parsed; the API answers 413 problem details naming the limit. An
 * {@link IOException}, so it travels through whatever reads the body (a JSON parser, an import
 * reader) like any failed read, and {@link ApiExceptionHandler} finds it among the causes.
 */
public final class BodyTooLargeException extends IOException {

    private final long limit;

    BodyTooLargeException(long limit) {
        super("request body over " + limit + " bytes");
        this.limit = limit;
    }

    /** The limit, in bytes. */
    public long limit() {
        return limit;
    }

    /** The body limit that {@code e} or one of its causes ran into, if any. */
    public static Optional<BodyTooLargeException> in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
