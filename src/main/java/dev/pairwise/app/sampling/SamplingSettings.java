package dev.pairwise.app.sampling;

import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.policy.sample.SamplingConfig;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a job samples, read from its config (checked against {@link #FIELDS}). The defaults and the
 * reason for each:
 *
 * @param temperature  1.0: the policy's own distribution, which K diverse responses for labelers
 *                     and an honest evaluation of the policy both need
 * @param topP         1.0 (off): nucleus truncation changes the distribution being evaluated
 * @param topK         0 (off), for the same reason
 * @param maxNewTokens 128: a paragraph a labeler reads in under a minute; the sampler also stops
 *                     at the model's context
 * @param seed         0; the same seed, checkpoint, prompts and batch size give the same text
 * @param chat         true: prompts are wrapped in the chat template SFT taught
 *                     ({@code <|user|>…<|end|><|assistant|>}) and {@code <|end|>} ends a response;
 *                     false feeds the prompt as plain text (a base model continuing a document)
 */
public record SamplingSettings(double temperature, double topP, int topK, int maxNewTokens, long seed, boolean chat) {

    static final List<ConfigField> FIELDS = List.of(
            ConfigField.number("temperature", "Temperature", 1.0, 0.0, 5.0,
                    "Divides the logits; 1 samples the policy's own distribution, 0 is greedy (K identical responses)."),
            ConfigField.number("topP", "Top-p", 1.0, 0.01, 1.0,
                    "Nucleus sampling: keep the most likely tokens up to this mass; 1 keeps all (off)."),
            ConfigField.integer("topK", "Top-k", 0, 0, 1_000_000,
                    "Keep only the k most likely tokens; 0 keeps all (off)."),
            ConfigField.integer("maxNewTokens", "Max new tokens", 128, 1, 4096,
                    "Most tokens per response; 128 is a paragraph a labeler reads in under a minute."),
            ConfigField.integer("seed", "Seed", 0, Long.MIN_VALUE, Long.MAX_VALUE,
                    "Seeds every draw: the same seed, checkpoint and prompts give the same responses."),
            new ConfigField("chat", "Chat template", ConfigField.Kind.BOOLEAN, "true", null, null, List.of(), false,
                    "Wrap each prompt as a user turn and stop at <|end|>, as SFT taught; off for a base model."));

    /** The settings of a config already checked against a field list that includes {@link #FIELDS}. */
    static SamplingSettings read(JobSettings c) {
        return new SamplingSettings(c.number("temperature"), c.number("topP"), c.integer("topK"),
                c.integer("maxNewTokens"), c.longValue("seed"), c.flag("chat"));
    }

    /** The policy library's config; {@code stop} is {@code <|end|>}'s id with the chat template. */
    SamplingConfig toConfig(Set<Integer> stop, long seedOffset) {
        return new SamplingConfig(temperature, topK, topP, maxNewTokens, stop, seed + seedOffset);
    }

    /**
     * The settings as a response's origin records them (a JSON object, snake_case as in HF
     * generate), with the job that drew it, so every sampled response can be traced to its run.
     */
    String json(long jobId) {
        return String.format(Locale.ROOT,
                "{\"temperature\":%s,\"top_p\":%s,\"top_k\":%d,\"max_new_tokens\":%d,\"seed\":%d,\"chat\":%b,"
                        + "\"job\":%d}",
                temperature, topP, topK, maxNewTokens, seed, chat, jobId);
    }
}
