package dev.pairwise.app.openai;

import ai.djl.Device;
import dev.pairwise.policy.align.ChatTokens;
import dev.pairwise.policy.align.Optim;
import dev.pairwise.policy.checkpoint.Checkpoints;
import dev.pairwise.policy.data.pairs.SftExample;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.sample.Sampler;
import dev.pairwise.policy.sample.SamplingConfig;
import dev.pairwise.policy.sft.SftConfig;
import dev.pairwise.policy.sft.SftTrainer;
import dev.pairwise.policy.tokenizer.CharTokenizer;
import dev.pairwise.policy.tokenizer.SpecialTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Judges for the AI_JUDGE tests: a character-level GPT (context 768, two layers) fine-tuned (SFT)
 * on judging questions until its greedy answer to every probe is the probe's target, then saved
 * as a checkpoint that {@code /v1} or a checkpoint judge can load. What the judge says is thus
 * what the test taught it, yet every answer is drawn from a real model over the real stack.
 */
final class TinyJudges {

    private TinyJudges() {
    }

    /**
     * Trains on {@code examples} (in the chat template, with the system turn as the judge sends it)
     * and checks every 30 steps that greedy decoding answers each of {@code probes} with its
     * target; returns the checkpoint's folder, or fails when {@code maxSteps} were not enough.
     */
    static Path train(String name, List<SftExample> examples, List<SftExample> probes, int width, int maxSteps)
            throws Exception {
        StringBuilder corpus = new StringBuilder();
        for (int c = 32; c < 127; c++) {
            corpus.append((char) c);
        }
        corpus.append('\n');
        // Sampled responses may hold characters beyond printable ASCII: the tokenizer knows them all.
        for (SftExample e : examples) {
            e.prompt().forEach(t -> corpus.append(t.content()));
            corpus.append(e.completion());
        }
        for (SftExample p : probes) {
            p.prompt().forEach(t -> corpus.append(t.content()));
        }
        CharTokenizer tokenizer = CharTokenizer.train(List.of(corpus.toString()));
        ChatTokens chat = new ChatTokens(tokenizer);
        Set<Integer> stops = new HashSet<>();
        for (String s : SpecialTokens.ALL) {
            stops.add(tokenizer.specialId(s));
        }
        Path dir = Files.createTempDirectory(name).resolve("sft");
        // Epochs for maxSteps in all: the warm-up and the cosine decay of the rate span exactly those steps.
        int stepsPerEpoch = (examples.size() + 3) / 4;
        SftConfig config = new SftConfig((maxSteps + stepsPerEpoch - 1) / stepsPerEpoch, 4, Optim.of(3e-3), 0, false,
                null, 0.0, 0, 0, 5);
        try (GptModel model = GptModel.create(GptConfig.of(tokenizer.vocabSize(), 768, 2, 2, width), 3, Device.cpu());
             SftTrainer trainer = new SftTrainer(model, chat, examples, config)) {
            Sampler sampler = new Sampler(model, tokenizer);
            for (int step = 1; step <= maxSteps; step++) {
                trainer.trainStep();
                if (step % 30 == 0 && answersAll(sampler, chat, probes, stops)) {
                    Checkpoints.saveModel(dir, model, tokenizer);
                    return dir;
                }
            }
            StringBuilder said = new StringBuilder();
            for (SftExample p : probes) {
                said.append("\n  wanted '").append(p.completion()).append("', said '")
                        .append(greedy(sampler, chat, p.prompt(), stops)).append("'");
            }
            throw new AssertionError("the tiny judge " + name + " did not learn its answers in " + maxSteps + " steps:"
                    + said);
        }
    }

    private static boolean answersAll(Sampler sampler, ChatTokens chat, List<SftExample> probes, Set<Integer> stops) {
        for (SftExample p : probes) {
            if (!greedy(sampler, chat, p.prompt(), stops).equals(p.completion())) {
                return false;
            }
        }
        return true;
    }

    private static String greedy(Sampler sampler, ChatTokens chat, List<Turn> prompt, Set<Integer> stops) {
        return ChatTokens.cleanResponse(sampler.sample(List.of(chat.prompt(prompt)), 1,
                new SamplingConfig(0.0, 0, 1.0, 20, stops, 0)).getFirst().text()).strip();
    }
}
