package dev.pairwise.app.connections;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Micrometer meters per connection (tag {@code connection} = its name):
 * {@code pairwise.connection.tokens} (tag {@code type} = prompt | completion), the tokens the
 * servers reported; {@code pairwise.connection.requests} (tag {@code outcome} = ok or the failure
 * kind, lower case), every request sent, retries included; {@code pairwise.connection.latency},
 * the time of each answered request.
 */
final class UsageMeter {

    private final MeterRegistry registry;

    UsageMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    void answered(String connection, Usage usage, Duration latency) {
        tokens(connection, "prompt").increment(usage.promptTokens());
        tokens(connection, "completion").increment(usage.completionTokens());
        requests(connection, "ok").increment();
        Timer.builder("pairwise.connection.latency").tag("connection", connection)
                .description("Time of each answered request to a model connection")
                .register(registry).record(latency);
    }

    void failed(String connection, ConnectionFailure.Kind kind) {
        requests(connection, kind.name().toLowerCase(java.util.Locale.ROOT)).increment();
    }

    private Counter tokens(String connection, String type) {
        return Counter.builder("pairwise.connection.tokens").tag("connection", connection).tag("type", type)
                .description("Tokens reported by model connections").register(registry);
    }

    private Counter requests(String connection, String outcome) {
        return Counter.builder("pairwise.connection.requests").tag("connection", connection).tag("outcome", outcome)
                .description("Requests sent to model connections, retries included").register(registry);
    }
}
