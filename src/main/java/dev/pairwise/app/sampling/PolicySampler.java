package dev.pairwise.app.sampling;

import ai.djl.Device;
import dev.pairwise.policy.align.ChatTokens;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.policy.device.Devices;
import dev.pairwise.policy.sample.Policy;
import dev.pairwise.policy.sample.Sample;
import dev.pairwise.policy.sample.Sampler;
import dev.pairwise.policy.tokenizer.Tokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One loaded policy checkpoint that turns prompt texts into response texts: the chat template
 * (or plain text), a prompt cut from the left to leave room for the answer, the KV-cache
 * {@link Sampler} (each prompt prefilled once, its K rows decoded together), and the sampled
 * text cleaned of special tokens. Not thread-safe; close it to free the weights.
 */
public final class PolicySampler implements AutoCloseable {

    /** Shown for a response the model ended at once: labelers should see it was empty. */
    static final String EMPTY = "*(empty response)*";

    /**
     * The responses of one batch, and what they cost.
     *
     * @param responses per prompt, its K responses cut at the first special token and stripped;
     *                  possibly empty (see {@link #shown})
     */
    public record Drawn(List<List<String>> responses, long tokens, int truncatedPrompts) {
    }

    /**
     * A response as a task stores it. A byte-level model can emit any byte, so control characters
     * (NUL among them, which no text column takes) are dropped, keeping tabs and line breaks, and
     * a lone surrogate becomes U+FFFD; an empty response is stored as {@link #EMPTY}, since a task
     * needs text.
     */
    static String shown(String response) {
        StringBuilder sb = new StringBuilder(response.length());
        for (int i = 0; i < response.length(); i++) {
            char c = response.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < response.length() && Character.isLowSurrogate(response.charAt(i + 1))) {
                sb.append(c).append(response.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sb.append('\uFFFD');
            } else if (!Character.isISOControl(c) || c == '\n' || c == '\t' || c == '\r') {
                sb.append(c);
            }
        }
        String text = sb.toString().strip();
        return text.isEmpty() ? EMPTY : text;
    }

    private final Policy policy;
    private final SamplingSettings settings;
    private final Set<Integer> stop;

    /** Loads {@code checkpoint} onto the GPU when libtorch sees one, else the CPU. */
    public PolicySampler(Path checkpoint, SamplingSettings settings) {
        this(checkpoint, settings, Devices.auto());
    }

    /** Loads {@code checkpoint} onto {@code device}: every array of its sampling lives there. */
    public PolicySampler(Path checkpoint, SamplingSettings settings, Device device) {
        this.policy = Policy.load(checkpoint, device);
        this.settings = settings;
        this.stop = settings.chat() ? Set.of(new ChatTokens(policy.tokenizer()).endId()) : Set.of();
    }

    /**
     * {@code k} responses to each prompt, in prompt order.
     *
     * @param seedOffset added to the configured seed, so that batches draw from different streams
     *                   (the sampler's streams are indexed by position within one call)
     */
    public Drawn sample(List<String> prompts, int k, long seedOffset) {
        Tokenizer tokenizer = policy.tokenizer();
        int context = policy.model().config().contextLength();
        // Leave the answer its budget, but never less than half the context to the prompt.
        int room = Math.max(context / 2, context - settings.maxNewTokens());
        List<int[]> ids = new ArrayList<>();
        int truncated = 0;
        for (String p : prompts) {
            int[] t = settings.chat() ? new ChatTokens(tokenizer).prompt(Turn.user(p)) : tokenizer.encode(p);
            if (t.length == 0) {
                throw new IllegalArgumentException("a prompt encodes to no tokens: " + p);
            }
            if (t.length > room) {
                t = Arrays.copyOfRange(t, t.length - room, t.length);
                truncated++;
            }
            ids.add(t);
        }
        List<Sample> samples = new Sampler(policy.model(), tokenizer).sample(ids, k, settings.toConfig(stop, seedOffset));
        List<List<String>> out = new ArrayList<>();
        long tokens = 0;
        for (int i = 0; i < prompts.size(); i++) {
            List<String> texts = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                Sample s = samples.get(i * k + j);
                tokens += s.tokenCount();
                texts.add(ChatTokens.cleanResponse(s.text()).strip());
            }
            out.add(List.copyOf(texts));
        }
        return new Drawn(List.copyOf(out), tokens, truncated);
    }

    @Override
    public void close() {
        policy.close();
    }
}
