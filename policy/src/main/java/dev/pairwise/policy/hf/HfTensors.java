/*
 * A Hugging Face checkpoint keeps its weights in model.safetensors, or, above a few GB, in shards
 * model-00001-of-0000N.safetensors listed by model.safetensors.index.json ({"weight_map": {tensor
 * name: shard file}}). Checkpoints are usually saved in bf16 or fp16; every tensor is widened to
 * F32 here, because the model computes in float32.
 */
package dev.pairwise.policy.hf;

import dev.pairwise.policy.io.Json;
import dev.pairwise.policy.io.Safetensors;
import dev.pairwise.policy.io.TensorData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads every tensor of a Hugging Face checkpoint folder, single-file or sharded, as F32. */
public final class HfTensors {

    /** The single-file weights. */
    public static final String SINGLE = "model.safetensors";
    /** The shard index. */
    public static final String INDEX = "model.safetensors.index.json";

    private HfTensors() {
    }

    /**
     * Tensors by name, widened to F32. With an index, every shard it names is read and must hold
     * exactly the tensors the index assigns to it.
     *
     * @throws NoSuchFileException when the folder has neither weights file, or a shard is missing
     * @throws IOException         naming the file and the fault (corrupt file, index/shard mismatch,
     *                             a non-floating tensor)
     */
    public static Map<String, TensorData> read(Path dir) throws IOException {
        Path index = dir.resolve(INDEX);
        Map<String, TensorData> out = new TreeMap<>();
        if (Files.isRegularFile(index)) {
            Map<String, TreeSet<String>> byShard = shards(index);
            for (Map.Entry<String, TreeSet<String>> shard : byShard.entrySet()) {
                Path file = dir.resolve(shard.getKey()).normalize();
                if (!file.startsWith(dir.normalize())) {
                    throw new IOException(index + ": shard '" + shard.getKey() + "' lies outside the folder");
                }
                if (!Files.isRegularFile(file)) {
                    throw new NoSuchFileException(file.toString(), null, "shard listed in " + INDEX + " is missing");
                }
                Map<String, TensorData> tensors = Safetensors.read(file).tensors();
                if (!tensors.keySet().equals(shard.getValue())) {
                    var missing = new TreeSet<>(shard.getValue());
                    missing.removeAll(tensors.keySet());
                    var extra = new TreeSet<>(tensors.keySet());
                    extra.removeAll(shard.getValue());
                    throw new IOException(file + ": does not hold what " + INDEX + " says"
                            + (missing.isEmpty() ? "" : "; missing " + missing)
                            + (extra.isEmpty() ? "" : "; not in the index " + extra));
                }
                widen(file, tensors, out);
            }
            return out;
        }
        Path single = dir.resolve(SINGLE);
        if (!Files.isRegularFile(single)) {
            throw new NoSuchFileException(dir.toString(), null, "no " + SINGLE + " or " + INDEX + " in the folder");
        }
        widen(single, Safetensors.read(single).tensors(), out);
        return out;
    }

    /** Shard file to the tensor names the index assigns it. */
    private static Map<String, TreeSet<String>> shards(Path index) throws IOException {
        JsonNode root;
        try {
            root = Json.parse(Files.readString(index));
        } catch (JacksonException e) {
            throw new IOException(index + ": not a JSON object (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(index + ": not a JSON object");
        }
        JsonNode map = root.get("weight_map");
        if (map == null || !map.isObject()) {
            throw new IOException(index + ": no \"weight_map\" object");
        }
        Map<String, TreeSet<String>> byShard = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            if (!e.getValue().isValueNode()) {
                throw new IOException(index + ": weight_map entry '" + e.getKey() + "' is not a file name");
            }
            byShard.computeIfAbsent(e.getValue().asString(), k -> new TreeSet<>()).add(e.getKey());
        }
        if (byShard.isEmpty()) {
            throw new IOException(index + ": weight_map is empty");
        }
        return byShard;
    }

    private static void widen(Path file, Map<String, TensorData> tensors, Map<String, TensorData> out)
            throws IOException {
        for (Map.Entry<String, TensorData> e : tensors.entrySet()) {
            try {
                out.put(e.getKey(), e.getValue().toF32());
            } catch (IllegalStateException ex) {
                throw new IOException(file + ": tensor '" + e.getKey() + "': " + ex.getMessage(), ex);
            }
        }
    }
}
