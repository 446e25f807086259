package dev.pairwise.app.instruct;

import dev.pairwise.app.sampling.PolicySampler;
import dev.pairwise.app.sampling.SamplingSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * One of our policy checkpoints, loaded in the job's thread and sampled with the chat template.
 * A prompt longer than the context loses its beginning (the sampler's rule), so a small model
 * sees the last in-context instructions and the "n+1." it continues.
 */
final class CheckpointGenerator implements Generator {

    private final String label;
    private final PolicySampler sampler;

    CheckpointGenerator(String name, Path folder, double temperature, int maxTokens, long seed) {
        this.label = "checkpoint " + name;
        this.sampler = new PolicySampler(folder, new SamplingSettings(temperature, 1.0, 0, maxTokens, seed, true));
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Answer ask(String prompt, long seedOffset) {
        // The sampler does not say whether a response hit the token limit; an unfinished last
        // item is left to the filters.
        return new Answer(sampler.sample(List.of(prompt), 1, seedOffset).responses().getFirst().getFirst(), false);
    }

    @Override
    public void close() {
        sampler.close();
    }
}
