/*
 * Loading a Hugging Face Llama-family or GPT-2 folder: config first (refuses before any tensor is read),
 * then the tensors, mapped by name and checked against the config, into a GptModel. Saved as one
 * of our checkpoints (model.safetensors under GptModel's names, config.json in our form), the
 * model loads wherever ours do: sampling, SFT, DPO, PPO, reward-model backbones.
 */
package dev.pairwise.policy.hf;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.pairwise.policy.checkpoint.Checkpoints;
import dev.pairwise.policy.device.Devices;
import dev.pairwise.policy.io.TensorData;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.tokenizer.Tokenizers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Imports Hugging Face Llama-family and GPT-2 checkpoints. */
public final class HfImport {

    /** Context length cap when the caller gives none: the causal mask alone is context² floats (16 MB here). */
    public static final int DEFAULT_MAX_CONTEXT = 2048;

    /** Files copied verbatim next to the imported weights when present. */
    static final List<String> TOKENIZER_FILES = List.of("tokenizer.json", "tokenizer_config.json",
            "special_tokens_map.json", "generation_config.json");

    private HfImport() {
    }

    /** What an import wrote. */
    public record Summary(GptConfig config, long parameters, List<String> copiedFiles,
                          @Nullable String tokenizerProblem) {
    }

    /**
     * The model configuration of the folder {@code dir} ({@code config.json}).
     *
     * @throws IllegalArgumentException prefixed with the file, as {@link HfConfig#read}
     */
    public static GptConfig config(Path dir, int maxContext) throws IOException {
        Path file = dir.resolve("config.json");
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "a Hugging Face folder needs config.json");
        }
        try {
            return HfConfig.read(Files.readString(file), maxContext);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The model of the folder {@code dir} on {@code device}.
     *
     * @throws IllegalArgumentException naming the unsupported architecture or the missing,
     *                                  mis-shaped or unexpected tensor
     * @throws IOException              for a missing or corrupt file
     */
    public static GptModel load(Path dir, int maxContext, Device device) throws IOException {
        GptConfig config = config(dir, maxContext);
        Map<String, TensorData> ours;
        try {
            Map<String, TensorData> hf = HfTensors.read(dir);
            ours = config.position() == GptConfig.Position.LEARNED ? Gpt2Tensors.map(config, hf)
                    : LlamaTensors.map(config, hf);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(dir + ": " + e.getMessage(), e);
        }
        try (NDManager scratch = NDManager.newBaseManager(Devices.host())) {
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            ours.forEach((name, t) -> arrays.put(name, t.toNDArray(scratch)));
            return GptModel.fromWeights(config, arrays, device);
        }
    }

    /**
     * Imports {@code in} into the checkpoint folder {@code out} (replaced if present): our
     * {@code model.safetensors} and {@code config.json}, plus the tokenizer files of
     * {@link #TOKENIZER_FILES} copied verbatim. The summary says whether this project's tokenizer
     * reader accepts the copied {@code tokenizer.json}.
     */
    public static Summary importTo(Path in, Path out, int maxContext) throws IOException {
        try (GptModel model = load(in, maxContext, Devices.host())) {
            Checkpoints.saveModel(out, model, null);
            List<String> copied = new java.util.ArrayList<>();
            for (String name : TOKENIZER_FILES) {
                Path file = in.resolve(name);
                if (Files.isRegularFile(file)) {
                    Files.copy(file, out.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    copied.add(name);
                }
            }
            String problem = null;
            if (copied.contains("tokenizer.json")) {
                try {
                    Tokenizers.load(out);
                } catch (IOException | RuntimeException e) {
                    problem = e.getMessage();
                }
            } else {
                problem = "no tokenizer.json in " + in;
            }
            return new Summary(model.config(), model.parameterCount(), copied, problem);
        }
    }
}
