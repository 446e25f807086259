package dev.pairwise.app.openai;

import dev.pairwise.policy.align.ChatTokens;
import dev.pairwise.policy.align.Optim;
import dev.pairwise.policy.align.TinyWorld;
import dev.pairwise.policy.checkpoint.Checkpoints;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.sample.Policy;
import dev.pairwise.policy.sample.Sample;
import dev.pairwise.policy.sample.Sampler;
import dev.pairwise.policy.sample.SamplingConfig;
import dev.pairwise.policy.sft.SftConfig;
import dev.pairwise.policy.sft.SftTrainer;
import dev.pairwise.policy.tokenizer.SpecialTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Two real SFT checkpoints for the {@code /v1} tests, trained once per JVM: a character-level GPT
 * (2 layers, width 32, context 48; the trainer tests' {@link TinyWorld}) fine-tuned on synthetic
 * tasks ("add 3 4" → "7"), saved after 5 and after 10 steps. A few seconds of CPU. Also the
 * reference the server must match: what the sampler draws from the chat-template prompt. Public
 * for the mixed-sampling tests, which serve them over {@code /v1} and sample them as connections.
 */
public final class TinyChatCheckpoints {

    static final TinyWorld WORLD = new TinyWorld(40, 5, 3);

    private static Path root;

    private TinyChatCheckpoints() {
    }

    /** The folder of the checkpoint after 5 steps. */
    public static synchronized Path fiveSteps() {
        return trained().resolve("sft-5");
    }

    /** The folder of the checkpoint after 10 steps. */
    public static synchronized Path tenSteps() {
        return trained().resolve("sft-10");
    }

    /** A prompt of the held-out tasks, in the checkpoints' characters. */
    public static String prompt(int i) {
        return WORLD.tasks.heldOut().get(i).prompt();
    }

    private static Path trained() {
        if (root != null) {
            return root;
        }
        try {
            Path dir = Files.createTempDirectory("v1-tiny-sft");
            SftConfig config = new SftConfig(2, 8, Optim.of(3e-3), 0, false, null, 0.1, 0, 0, 11);
            try (GptModel model = WORLD.newModel(1);
                 SftTrainer trainer = new SftTrainer(model, WORLD.chat, WORLD.demonstrations(0, 1), config)) {
                for (int step = 1; step <= 10; step++) {
                    trainer.trainStep();
                    if (step == 5 || step == 10) {
                        Checkpoints.saveModel(dir.resolve("sft-" + step), model, WORLD.chat.tokenizer());
                    }
                }
            }
            root = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the sampler draws for a conversation, computed here without the server: the chat
     * template's prompt, every special token a stop token, temperature and seed as given.
     */
    static List<Sample> reference(Path checkpoint, List<Turn> turns, int n, double temperature, int maxTokens,
                                  long seed) {
        try (Policy policy = Policy.load(checkpoint)) {
            int[] prompt = new ChatTokens(policy.tokenizer()).prompt(turns);
            Set<Integer> stops = new HashSet<>();
            for (String s : SpecialTokens.ALL) {
                stops.add(policy.tokenizer().specialId(s));
            }
            return new Sampler(policy.model(), policy.tokenizer()).sample(List.of(prompt), n,
                    new SamplingConfig(temperature, 0, 1.0, maxTokens, stops, seed));
        }
    }

    /** Tokens of the conversation in the chat template. */
    static int promptTokens(Path checkpoint, List<Turn> turns) {
        try (Policy policy = Policy.load(checkpoint)) {
            return new ChatTokens(policy.tokenizer()).prompt(turns).length;
        }
    }
}
