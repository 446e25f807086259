package dev.pairwise.app.connections;

import java.time.Duration;

/**
 * One model answer.
 *
 * @param text         the assistant message's text (empty if the model said nothing)
 * @param finishReason why it stopped; {@link FinishReason#LENGTH} means the text is cut off
 * @param usage        tokens it cost (also counted in {@code pairwise.connection.tokens})
 * @param latency      time of the request that answered, from sending it to the last byte;
 *                     waits for a slot, the rate limit and retries are not in it
 * @param attempts     requests it took (1 unless the server answered 429/5xx first)
 * @param model        the model name the server reported (may differ from the one asked for,
 *                     e.g. a dated snapshot); the asked name when it reported none
 * @param sampling     the sampling settings sent
 */
public record Completion(String text, FinishReason finishReason, Usage usage, Duration latency, int attempts,
                         String model, Sampling sampling) {
}
