package dev.pairwise.app.aijudge;

import dev.pairwise.app.sampling.PolicySampler;
import dev.pairwise.app.sampling.SamplingSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * A judge that is one of our policy checkpoints, loaded in the job's own thread. The chat
 * template our policies learned has one user turn, so the rubric and the question go in it
 * together; a prompt longer than the context loses its beginning (the format request at the end
 * stays).
 */
final class CheckpointJudge implements Judge {

    private final String name;
    private final PolicySampler sampler;
    private long asked;

    CheckpointJudge(String name, Path folder, double temperature, int maxTokens, long seed) {
        this.name = name;
        this.sampler = new PolicySampler(folder, new SamplingSettings(temperature, 1.0, 0, maxTokens, seed, true));
    }

    @Override
    public String system() {
        return name;
    }

    @Override
    public String ask(String rubric, String prompt, List<String> responses) {
        String text = JudgePrompt.system(rubric) + "\n\n" + JudgePrompt.user(prompt, responses);
        // Each question its own seed offset, so a sampled (temperature > 0) judge is repeatable.
        return sampler.sample(List.of(text), 1, asked++).responses().getFirst().getFirst();
    }

    @Override
    public void close() {
        sampler.close();
    }
}
