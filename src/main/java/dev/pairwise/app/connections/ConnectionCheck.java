package dev.pairwise.app.connections;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The result of "Test connection": whether the server answered, how fast, and what it said or
 * what went wrong.
 *
 * @param ok        true when a chat answer came back
 * @param latency   time of the request
 * @param reply     the model's answer (ok only)
 * @param model     the model name the server reported (ok only)
 * @param usage     tokens it cost (ok only)
 * @param error     what went wrong, in words (not ok only); never contains the API key
 * @param errorKind the failure's kind (not ok only)
 */
public record ConnectionCheck(boolean ok, Duration latency, @Nullable String reply, @Nullable String model,
                              @Nullable Usage usage, @Nullable String error,
                              ConnectionFailure.@Nullable Kind errorKind) {

    static ConnectionCheck ok(Completion c) {
        return new ConnectionCheck(true, c.latency(), c.text(), c.model(), c.usage(), null, null);
    }

    static ConnectionCheck failed(ConnectionFailure f, Duration latency) {
        return new ConnectionCheck(false, latency, null, null, null, f.getMessage(), f.kind());
    }
}
