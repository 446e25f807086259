/*
 * What sampling needs from a checkpoint folder: the model (config.json + model.safetensors) and
 * its tokenizer (tokenizer.json), with an error naming the folder, the file and the problem when
 * something is missing or corrupt. The weights go through Checkpoints.loadModel; the optimizer and
 * trainer-state files of a training checkpoint are not needed.
 */
package dev.pairwise.policy.sample;

import ai.djl.Device;
import dev.pairwise.policy.checkpoint.Checkpoints;
import dev.pairwise.policy.device.Devices;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.model.GptConfigJson;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.tokenizer.Tokenizer;
import dev.pairwise.policy.tokenizer.Tokenizers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model and its tokenizer, loaded for generation. Close it to free the weights.
 *
 * @param model     the GPT, on the device it was loaded on
 * @param tokenizer the tokenizer saved with it
 */
public record Policy(GptModel model, Tokenizer tokenizer) implements AutoCloseable {

    /**
     * Loads {@code config.json}, {@code model.safetensors} and {@code tokenizer.json} from
     * {@code checkpoint} onto {@link Devices#auto()}: the GPU when libtorch sees one.
     *
     * @throws IllegalArgumentException as {@link #load(Path, Device)}
     */
    public static Policy load(Path checkpoint) {
        return load(checkpoint, Devices.auto());
    }

    /**
     * Loads {@code config.json}, {@code model.safetensors} and {@code tokenizer.json} from
     * {@code checkpoint} onto {@code device}.
     *
     * @throws IllegalArgumentException naming the folder or file and what is wrong with it: missing,
     *                                  unreadable, not valid, weights that do not fit the config, or a
     *                                  tokenizer whose vocabulary differs from the model's
     */
    public static Policy load(Path checkpoint, Device device) {
        if (!Files.isDirectory(checkpoint)) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + " is not a folder");
        }
        GptConfig config;
        try {
            config = GptConfigJson.read(Files.readString(file(checkpoint, Checkpoints.CONFIG), StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + ": cannot read config.json: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + ": invalid config.json: " + e.getMessage(), e);
        }
        Tokenizer tokenizer;
        try {
            tokenizer = Tokenizers.load(file(checkpoint, Checkpoints.TOKENIZER));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + ": cannot load tokenizer.json: " + e.getMessage(), e);
        }
        if (tokenizer.vocabSize() != config.vocabSize()) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + ": tokenizer.json has " + tokenizer.vocabSize()
                    + " ids but config.json says vocab_size " + config.vocabSize());
        }
        file(checkpoint, Checkpoints.MODEL);
        try {
            return new Policy(Checkpoints.loadModel(checkpoint, device), tokenizer);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + ": cannot load the model: " + e.getMessage(), e);
        }
    }

    private static Path file(Path checkpoint, String name) {
        Path f = checkpoint.resolve(name);
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + " has no " + name);
        }
        return f;
    }

    /** Frees the model's weights. */
    @Override
    public void close() {
        model.close();
    }
}
