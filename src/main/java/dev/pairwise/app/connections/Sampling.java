package dev.pairwise.app.connections;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The sampling settings one call sent: the connection's defaults with the call's overrides. A
 * response keeps these to say exactly how it was drawn.
 */
public record Sampling(double temperature, double topP, int maxTokens, @Nullable Integer seed, List<String> stop) {

    public Sampling {
        stop = List.copyOf(stop);
    }
}
