/*
 * A checkpoint is a folder, as Hugging Face and nanoGPT keep them, so that Python tools read the
 * weights (safetensors) and the config (JSON) without Java. The optimizer moments and the step
 * are saved too, and batches are a function of (seed, step), so resuming repeats a straight run
 * exactly. A folder is written under a temporary name and renamed when complete: a crash never
 * leaves a half-written checkpoint under the final name.
 */
package dev.pairwise.policy.checkpoint;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.pairwise.policy.device.Devices;
import dev.pairwise.policy.io.Safetensors;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.model.GptConfigJson;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.tokenizer.Tokenizer;
import dev.pairwise.policy.train.Pretrainer;
import dev.pairwise.policy.train.TrainConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Saves and loads checkpoint folders:
 * <ul>
 *   <li>{@code model.safetensors} — weights, nanoGPT names (see {@code GptWeights})</li>
 *   <li>{@code config.json} — model config ({@link GptConfigJson})</li>
 *   <li>{@code tokenizer.json} — the tokenizer (Hugging Face format), when one is given</li>
 *   <li>{@code optimizer.safetensors} — AdamW {@code <param>.exp_avg}, {@code <param>.exp_avg_sq};
 *       metadata {@code step} (training checkpoints only)</li>
 *   <li>{@code trainer_state.json} — step, train config, data generator scheme</li>
 *   <li>{@code metrics.json} — per-step loss, lr, gradient norm; evaluations</li>
 * </ul>
 */
public final class Checkpoints {

    public static final String MODEL = "model.safetensors";
    public static final String CONFIG = "config.json";
    public static final String TOKENIZER = "tokenizer.json";
    public static final String OPTIMIZER = "optimizer.safetensors";
    public static final String TRAINER_STATE = "trainer_state.json";
    public static final String METRICS = "metrics.json";

    private Checkpoints() {
    }

    /** Saves the weights, config and tokenizer of {@code model} (an inference checkpoint). */
    public static void saveModel(Path dir, GptModel model, @Nullable Tokenizer tokenizer) throws IOException {
        writeAtomically(dir, tmp -> writeModelFiles(tmp, model, tokenizer));
    }

    /** Saves everything needed to resume {@code trainer}, and its model. */
    public static void save(Path dir, Pretrainer trainer, @Nullable Tokenizer tokenizer) throws IOException {
        writeAtomically(dir, tmp -> {
            writeModelFiles(tmp, trainer.model(), tokenizer);
            Safetensors.writeNDArrays(tmp.resolve(OPTIMIZER), trainer.optimizer().state(),
                    Map.of("step", Long.toString(trainer.optimizer().step())));
            Files.writeString(tmp.resolve(TRAINER_STATE), TrainerStateJson.write(trainer));
            Files.writeString(tmp.resolve(METRICS), TrainerStateJson.writeMetrics(trainer));
        });
    }

    /** The model config of a checkpoint. */
    public static GptConfig modelConfig(Path dir) throws IOException {
        String text = readText(dir, CONFIG);
        try {
            return GptConfigJson.read(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(dir.resolve(CONFIG) + ": " + e.getMessage(), e);
        }
    }

    /** The training config a checkpoint was trained with. */
    public static TrainConfig trainConfig(Path dir) throws IOException {
        String text = readText(dir, TRAINER_STATE);
        try {
            return TrainerStateJson.readConfig(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(dir.resolve(TRAINER_STATE) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads the model of a checkpoint onto {@code device}.
     *
     * @throws IOException              if a file is missing or unreadable
     * @throws IllegalArgumentException if a file is corrupt or does not match the config
     */
    public static GptModel loadModel(Path dir, Device device) throws IOException {
        GptConfig config = modelConfig(dir);
        Path weights = require(dir, MODEL);
        try (NDManager scratch = NDManager.newBaseManager(Devices.host())) {
            Map<String, NDArray> arrays;
            try {
                arrays = Safetensors.readNDArrays(weights, scratch);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("corrupt " + weights + ": " + e.getMessage(), e);
            }
            try {
                return GptModel.fromWeights(config, arrays, device);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(weights + " does not match " + CONFIG + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Restores optimizer moments, step and history of a training checkpoint into
     * {@code trainer}, whose model must already hold the checkpoint's weights.
     */
    public static void restore(Path dir, Pretrainer trainer) throws IOException {
        String stateText = readText(dir, TRAINER_STATE);
        String metricsText = readText(dir, METRICS);
        TrainerStateJson.State state;
        TrainerStateJson.Metrics metrics;
        try {
            state = TrainerStateJson.read(stateText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(dir.resolve(TRAINER_STATE) + ": " + e.getMessage(), e);
        }
        try {
            metrics = TrainerStateJson.readMetrics(metricsText);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(dir.resolve(METRICS) + ": " + e.getMessage(), e);
        }
        Path optimizer = require(dir, OPTIMIZER);
        try (NDManager scratch = NDManager.newBaseManager(Devices.host())) {
            Map<String, NDArray> arrays;
            try {
                arrays = Safetensors.readNDArrays(optimizer, scratch);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("corrupt " + optimizer + ": " + e.getMessage(), e);
            }
            try {
                trainer.restore(state.step(), arrays, state.optimizerStep(), metrics.steps(), metrics.evals());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(optimizer + ": " + e.getMessage(), e);
            }
        }
    }

    private static void writeModelFiles(Path tmp, GptModel model, @Nullable Tokenizer tokenizer) throws IOException {
        Safetensors.writeNDArrays(tmp.resolve(MODEL), model.parameters(), Map.of("format", "pt"));
        Files.writeString(tmp.resolve(CONFIG), GptConfigJson.write(model.config()));
        if (tokenizer != null) {
            tokenizer.save(tmp);
        }
    }

    private static String readText(Path dir, String name) throws IOException {
        Path file = require(dir, name);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static Path require(Path dir, String name) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "checkpoint folder not found");
        }
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "checkpoint file missing");
        }
        return file;
    }

    /** Writes into a temporary sibling folder, then swaps it in under {@code dir}. */
    private static void writeAtomically(Path dir, Writer writer) throws IOException {
        Path abs = dir.toAbsolutePath();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".tmp-");
        try {
            writer.write(tmp);
            Path old = null;
            if (Files.exists(abs)) {
                old = Files.createTempDirectory(parent, "." + abs.getFileName() + ".old-");
                Files.delete(old);
                move(abs, old);
            }
            move(tmp, abs);
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @FunctionalInterface
    private interface Writer {
        void write(Path tmp) throws IOException;
    }
}
