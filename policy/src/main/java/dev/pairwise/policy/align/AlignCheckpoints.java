package dev.pairwise.policy.align;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.pairwise.policy.checkpoint.Checkpoints;
import dev.pairwise.policy.io.Json;
import dev.pairwise.policy.io.Safetensors;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.model.NoGrad;
import dev.pairwise.policy.tokenizer.Tokenizer;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import dev.pairwise.policy.model.NativeArrays;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checkpoints of the alignment trainers, in the policy's folder layout ({@link Checkpoints}:
 * {@code model.safetensors}, {@code config.json}, {@code tokenizer.json}) plus what an exact
 * resume needs: {@code optimizer.safetensors} (AdamW moments, step in metadata),
 * {@code trainer_state.json} ({@code kind}, step, config, trainer-specific state) and extra
 * tensors (LoRA adapters, reward or value heads). {@code kind} tells a policy checkpoint from a
 * reward model's, so each loader refuses the other with a clear error. Written under a temporary
 * name and renamed when complete.
 */
public final class AlignCheckpoints {

    public static final String STATE = "trainer_state.json";
    public static final String OPTIMIZER = "optimizer.safetensors";
    /** Present only in reward-model checkpoints. */
    public static final String REWARD_HEAD = "reward_head.safetensors";
    /** LoRA adapters (PEFT's file name). */
    public static final String ADAPTER = "adapter_model.safetensors";

    private AlignCheckpoints() {
    }

    /** Writes a model's own files (weights, config, tokenizer) into a folder it creates. */
    @FunctionalInterface
    public interface ModelFiles {
        void writeTo(Path dir) throws IOException;
    }

    /** Writes a checkpoint: model files, then each named tensor file, optimizer and state. */
    public static void save(Path dir, GptModel model, @Nullable Tokenizer tokenizer, Map<String, NDArray> optimizerState,
            long optimizerStep, ObjectNode state, Map<String, Map<String, NDArray>> extraTensors) throws IOException {
        save(dir, tmp -> Checkpoints.saveModel(tmp, model, tokenizer), optimizerState, optimizerStep, state, extraTensors);
    }

    /**
     * Writes a checkpoint of any model (a reward model's BERT backbone, say): {@code model}'s
     * files, then each named tensor file, optimizer and state, all or nothing.
     */
    public static void save(Path dir, ModelFiles model, Map<String, NDArray> optimizerState, long optimizerStep,
            ObjectNode state, Map<String, Map<String, NDArray>> extraTensors) throws IOException {
        Path abs = dir.toAbsolutePath();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve("." + abs.getFileName() + ".align-tmp-" + System.nanoTime());
        try {
            model.writeTo(tmp);
            for (Map.Entry<String, Map<String, NDArray>> e : extraTensors.entrySet()) {
                Safetensors.writeNDArrays(tmp.resolve(e.getKey()), e.getValue(), Map.of());
            }
            if (!optimizerState.isEmpty()) {
                Safetensors.writeNDArrays(tmp.resolve(OPTIMIZER), optimizerState,
                        Map.of("step", Long.toString(optimizerStep)));
            }
            Files.writeString(tmp.resolve(STATE), Json.pretty(state));
            if (Files.exists(abs)) {
                Path old = parent.resolve("." + abs.getFileName() + ".align-old-" + System.nanoTime());
                Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /** The trainer state, or an empty object for a plain (pretraining or inference) checkpoint. */
    public static ObjectNode state(Path dir) throws IOException {
        Path f = dir.resolve(STATE);
        if (!Files.isRegularFile(f)) {
            return Json.object();
        }
        return Json.parseObject(Files.readString(f), f.toString());
    }

    /** True when {@code dir} holds a reward model rather than a policy. */
    public static boolean isRewardModel(Path dir) {
        return Files.isRegularFile(dir.resolve(REWARD_HEAD));
    }

    /**
     * Loads a policy (pretrained, SFT, DPO or PPO) for sampling or further training.
     *
     * @throws IllegalArgumentException if {@code dir} holds a reward model
     */
    public static GptModel loadPolicy(Path dir, Device device) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "checkpoint folder not found");
        }
        if (isRewardModel(dir)) {
            throw new IllegalArgumentException(dir + " is a reward-model checkpoint, but a policy checkpoint is "
                    + "expected here (use it as --reward-model, not as a policy)");
        }
        GptModel model = Checkpoints.loadModel(dir, device);
        JsonNode state = state(dir);
        if (state.has("loraMerged") && !state.get("loraMerged").asBoolean()) {
            try {
                mergeAdapters(dir, model, state);
            } catch (IOException | RuntimeException e) {
                model.close();
                throw e;
            }
        }
        return model;
    }

    /** Adds {@code (alpha/r)·B·A} of a separately saved LoRA adapter to the loaded base weights. */
    private static void mergeAdapters(Path dir, GptModel model, JsonNode state) throws IOException {
        JsonNode lora = state.path("config").path("lora");
        Json.Fields fields = new Json.Fields(STATE + ": config.lora: ");
        float scale = (float) (fields.number(lora, "alpha") / fields.integer(lora, "rank"));
        try (NDManager scratch = NDManager.newBaseManager(model.device());
                NoGrad off = NoGrad.enter()) {
            Map<String, NDArray> adapter = tensors(dir, ADAPTER, scratch);
            for (Map.Entry<String, NDArray> e : model.parameters().entrySet()) {
                NDArray a = adapter.get(e.getKey() + ".lora_A");
                NDArray b = adapter.get(e.getKey() + ".lora_B");
                if (a != null && b != null) {
                    NDArray merged = e.getValue().add(NativeArrays.mul(b.matMul(a), scale));
                    merged.attach(scratch);
                    NativeArrays.copyInto(e.getValue(), merged);
                }
            }
        }
    }

    /** Reads a tensor file of a checkpoint into {@code manager}. */
    public static Map<String, NDArray> tensors(Path dir, String file, NDManager manager) throws IOException {
        Path f = dir.resolve(file);
        if (!Files.isRegularFile(f)) {
            throw new NoSuchFileException(f.toString(), null, "checkpoint file missing");
        }
        return Safetensors.readNDArrays(f, manager);
    }

    /** The optimizer step saved in a checkpoint's metadata. */
    public static long optimizerStep(Path dir) throws IOException {
        JsonNode state = state(dir);
        if (!state.has("optimizerStep")) {
            throw new IllegalArgumentException(dir.resolve(STATE) + ": missing 'optimizerStep'");
        }
        return state.get("optimizerStep").asLong();
    }

    /** A config record as the {@code config} object of {@code trainer_state.json}: its fields by name, nulls left out. */
    public static ObjectNode toJson(Object config) {
        return Json.MAPPER.valueToTree(config);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
