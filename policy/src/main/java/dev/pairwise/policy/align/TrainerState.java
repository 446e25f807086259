package dev.pairwise.policy.align;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.pairwise.policy.io.Json;
import dev.pairwise.policy.lora.LoraAdapters;
import dev.pairwise.policy.model.NativeArrays;
import dev.pairwise.policy.model.NoGrad;
import dev.pairwise.policy.train.AdamW;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the SFT, DPO, PPO and reward trainers save besides weights, written and checked in one
 * place: the {@code trainer_state.json} object ({@code kind}, step, optimizer step, config), the
 * check that a folder to resume from is the trainer's own kind, and the LoRA adapter tensors
 * (A and B, and the frozen base weights under {@code NAME.base}) with their restore.
 */
public final class TrainerState {

    private TrainerState() {
    }

    /**
     * A new state object; trainers add their own fields (PPO its β).
     *
     * @param kind  the trainer's checkpoint kind, or null where the model adds it (reward models)
     */
    public static ObjectNode of(@Nullable String kind, int step, long optimizerStep, Object config) {
        ObjectNode state = Json.object();
        if (kind != null) {
            state.put("kind", kind);
        }
        state.put("step", step);
        state.put("optimizerStep", optimizerStep);
        state.set("config", AlignCheckpoints.toJson(config));
        return state;
    }

    /**
     * The state of {@code dir}, refused unless it was written by a trainer of {@code kind}.
     *
     * @param trainer  the trainer as the message names it ("SFT", "DPO", "PPO")
     * @throws IllegalArgumentException naming the folder and the kind it holds
     */
    public static JsonNode read(Path dir, String kind, String trainer) throws IOException {
        JsonNode state = AlignCheckpoints.state(dir);
        String found = state.has("kind") ? state.get("kind").asString() : null;
        if (!kind.equals(found)) {
            throw new IllegalArgumentException(dir + " is not a " + trainer + " training checkpoint (kind "
                    + (found == null ? "none" : found) + ")");
        }
        return state;
    }

    /** The adapter file's tensors: A and B by name, each frozen base weight as {@code NAME.base}. */
    public static Map<String, NDArray> adapterTensors(LoraAdapters lora) {
        Map<String, NDArray> adapter = new LinkedHashMap<>(lora.adapterWeights());
        lora.baseWeights().forEach((name, w) -> adapter.put(name + ".base", w));
        return adapter;
    }

    /** Copies the adapters saved in {@code dir} into {@code lora} and applies them to the model. */
    public static void restoreAdapters(LoraAdapters lora, Path dir, NDManager scratch) throws IOException {
        Map<String, NDArray> saved = AlignCheckpoints.tensors(dir, AlignCheckpoints.ADAPTER, scratch);
        lora.adapterWeights().forEach((name, a) -> NativeArrays.copyInto(a, require(saved, name, dir)));
        lora.baseWeights().forEach((name, w) -> NativeArrays.copyInto(w, require(saved, name + ".base", dir)));
        lora.apply();
    }

    /**
     * Resumes what a fine-tuning trainer (SFT, DPO) saves beside the weights: the state of
     * {@code dir} checked to be {@code kind}, the LoRA adapters when the trainer has them, and the
     * optimizer's moments and step. The trainer reads its own step from the returned state.
     */
    public static JsonNode restoreFineTuning(Path dir, String kind, String trainer, Device device,
                                             @Nullable LoraAdapters lora, AdamW optimizer) throws IOException {
        JsonNode state = read(dir, kind, trainer);
        try (NDManager scratch = NDManager.newBaseManager(device); NoGrad off = NoGrad.enter()) {
            if (lora != null) {
                restoreAdapters(lora, dir, scratch);
            }
            optimizer.load(AlignCheckpoints.tensors(dir, AlignCheckpoints.OPTIMIZER, scratch),
                    state.get("optimizerStep").asLong());
        }
        return state;
    }

    private static NDArray require(Map<String, NDArray> saved, String name, Path dir) {
        NDArray a = saved.get(name);
        if (a == null) {
            throw new IllegalArgumentException(dir.resolve(AlignCheckpoints.ADAPTER) + " lacks '" + name + "'");
        }
        return a;
    }
}
