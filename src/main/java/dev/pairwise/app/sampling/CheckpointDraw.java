package dev.pairwise.app.sampling;

import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.labeling.task.Origin;
import java.nio.file.Path;
import java.util.List;

/**
 * A policy checkpoint of the registry as a system: the KV-cache sampler in this JVM. A checkpoint
 * does not fail per prompt; an error here (a broken checkpoint) fails the job.
 */
final class CheckpointDraw implements SystemDraw {

    private final CheckpointView checkpoint;
    private final int count;
    private final Origin origin;
    private final PolicySampler sampler;
    private long tokens;

    CheckpointDraw(CheckpointView checkpoint, SamplingSettings settings, int count, long jobId) {
        this.checkpoint = checkpoint;
        this.count = count;
        this.origin = Origin.model(checkpoint.name(), settings.json(jobId));
        this.sampler = new PolicySampler(Path.of(checkpoint.path()), settings);
    }

    @Override
    public Origin origin() {
        return origin;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public String label() {
        return "checkpoint " + checkpoint.name();
    }

    @Override
    public List<Drawn> draw(List<String> prompts, long firstIndex) {
        PolicySampler.Drawn drawn = sampler.sample(prompts, count, firstIndex);
        tokens += drawn.tokens();
        return drawn.responses().stream()
                .map(texts -> Drawn.ok(texts.stream().map(PolicySampler::shown).toList())).toList();
    }

    @Override
    public long tokens() {
        return tokens;
    }

    @Override
    public void close() {
        sampler.close();
    }
}
