package dev.pairwise.policy.sample;

import dev.pairwise.policy.io.Safetensors;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.model.GptConfigJson;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.tokenizer.CharTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes a small checkpoint folder (config.json, model.safetensors, tokenizer.json) for tests. */
public final class Checkpoints4Test {

    public static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz .,!?";

    private Checkpoints4Test() {
    }

    /** A char-level tokenizer over {@link #ALPHABET} and a random modern tiny model that fits it. */
    public static Path write(Path dir) throws IOException {
        CharTokenizer tokenizer = CharTokenizer.train(List.of(ALPHABET));
        GptConfig config = GptConfig.of(tokenizer.vocabSize(), 32, 2, 2, 32);
        Files.createDirectories(dir);
        try (GptModel model = TinyModels.sharp(config, 9)) {
            Files.writeString(dir.resolve("config.json"), GptConfigJson.write(config));
            Safetensors.writeNDArrays(dir.resolve("model.safetensors"), model.parameters(), Map.of());
        }
        tokenizer.save(dir);
        return dir;
    }
}
