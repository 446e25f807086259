package dev.pairwise.policy.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.pairwise.policy.checkpoint.Checkpoints;
import dev.pairwise.policy.io.Json;
import dev.pairwise.policy.model.NativeArrays;
import dev.pairwise.policy.model.NoGrad;
import dev.pairwise.policy.io.Safetensors;
import dev.pairwise.policy.io.TensorData;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.model.RopeScaling;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** What the importer refuses, and the messages that say why; our own models' export round trip. No Python needed. */
class HfImportRefusalTest {

    @TempDir
    Path dir;

    private Path folder(Consumer<ObjectNode> editConfig, Consumer<Map<String, TensorData>> editTensors)
            throws IOException {
        ObjectNode c = TinyHfFolders.llamaConfig(32);
        editConfig.accept(c);
        Map<String, TensorData> t = TinyHfFolders.llamaTensors(32);
        editTensors.accept(t);
        Files.writeString(dir.resolve("config.json"), c.toString());
        Safetensors.write(dir.resolve("model.safetensors"), t, Map.of("format", "pt"));
        return dir;
    }

    private static GptModel load(Path dir) throws IOException {
        return HfImport.load(dir, HfImport.DEFAULT_MAX_CONTEXT, Device.cpu());
    }

    @Test
    void a_well_formed_folder_loads_with_the_config_it_names() throws IOException {
        try (GptModel model = load(folder(c -> { }, t -> { }))) {
            GptConfig c = model.config();
            assertThat(c.keyValueHeads()).isEqualTo(2);
            assertThat(c.heads()).isEqualTo(4);
            assertThat(c.hidden()).isEqualTo(24);
            assertThat(c.contextLength()).isEqualTo(64);
            assertThat(c.tieEmbeddings()).isFalse();
            assertThat(model.parameters().get("transformer.h.0.attn.c_attn.weight").getShape().getShape())
                    .containsExactly(32, 16);
        }
    }

    @Test
    void unknown_architectures_are_refused_naming_them() throws IOException {
        assertThatThrownBy(() -> load(folder(c -> {
            c.put("model_type", "gpt_neox");
        }, t -> { }))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model_type 'gpt_neox' is not supported").hasMessageContaining("LlamaForCausalLM");
        assertThatThrownBy(() -> load(folder(c -> {
            c.remove("model_type");
            c.set("architectures", Json.parse("[\"Qwen3ForCausalLM\"]"));
        }, t -> { }))).hasMessageContaining("architecture 'Qwen3ForCausalLM' is not supported");
        assertThatThrownBy(() -> load(folder(c -> c.put("model_type", "qwen3"), t -> { })))
                .hasMessageContaining("model_type 'qwen3' is not supported");
        assertThatThrownBy(() -> load(folder(c -> c.put("model_type", "gpt2"), t -> { })))
                .hasMessageContaining("model_type 'gpt2' does not match architectures [LlamaForCausalLM]");
    }

    @Test
    void missing_and_mis_shaped_tensors_are_refused_naming_the_tensor_and_shapes() throws IOException {
        assertThatThrownBy(() -> load(folder(c -> { }, t -> t.remove("model.layers.1.mlp.up_proj.weight"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing tensor 'model.layers.1.mlp.up_proj.weight' (expected shape [24, 16])");
        // a k_proj with one row per query head: a config whose num_key_value_heads is wrong
        assertThatThrownBy(() -> load(folder(c -> { }, t -> t.put("model.layers.0.self_attn.k_proj.weight",
                TensorData.ofFloats(new long[] {16, 16}, new float[256])))))
                .hasMessageContaining("tensor 'model.layers.0.self_attn.k_proj.weight' has shape [16, 16], "
                        + "expected [8, 16]");
        assertThatThrownBy(() -> load(folder(c -> { }, t -> t.remove("lm_head.weight"))))
                .hasMessageContaining("missing tensor 'lm_head.weight'");
    }

    @Test
    void tensors_without_a_place_are_refused_not_dropped() throws IOException {
        assertThatThrownBy(() -> load(folder(c -> { }, t -> t.put("model.layers.0.self_attn.q_proj.bias",
                TensorData.ofFloats(new long[] {16}, new float[16])))))
                .hasMessageContaining("no place for: [model.layers.0.self_attn.q_proj.bias]");
        assertThatThrownBy(() -> load(folder(c -> c.put("num_hidden_layers", 1), t -> { })))
                .hasMessageContaining("model.layers.1.");
    }

    @Test
    void features_the_model_cannot_reproduce_are_refused_before_reading_tensors() throws IOException {
        assertThatThrownBy(() -> load(folder(c -> c.set("rope_scaling",
                Json.parse("{\"rope_type\": \"yarn\", \"factor\": 4.0}")), t -> { })))
                .hasMessageContaining("rope_scaling type 'yarn' is not supported");
        assertThatThrownBy(() -> load(folder(c -> c.put("attention_bias", true), t -> { })))
                .hasMessageContaining("attention_bias = true is not supported");
        assertThatThrownBy(() -> load(folder(c -> c.put("hidden_act", "gelu"), t -> { })))
                .hasMessageContaining("hidden_act 'gelu'");
        assertThatThrownBy(() -> load(folder(c -> c.put("num_key_value_heads", 3), t -> { })))
                .hasMessageContaining("num_key_value_heads (3) must divide num_attention_heads (4)");
        assertThatThrownBy(() -> load(folder(c -> c.remove("hidden_size"), t -> { })))
                .hasMessageContaining("missing field 'hidden_size'");
    }

    @Test
    void config_defaults_follow_transformers_and_scaling_is_read() throws IOException {
        ObjectNode c = TinyHfFolders.llamaConfig(32);
        c.remove("num_key_value_heads");
        c.remove("rope_theta");
        c.remove("tie_word_embeddings");
        c.set("rope_scaling", Json.parse("{\"rope_type\": \"llama3\", \"factor\": 8.0, "
                + "\"low_freq_factor\": 1.0, \"high_freq_factor\": 4.0, \"original_max_position_embeddings\": 8192}"));
        c.put("max_position_embeddings", 131072);
        GptConfig read = HfConfig.read(c.toString(), 4096);
        assertThat(read.keyValueHeads()).isEqualTo(4);
        assertThat(read.ropeTheta()).isEqualTo(10000.0);
        assertThat(read.tieEmbeddings()).isFalse();
        assertThat(read.contextLength()).as("capped by maxContext").isEqualTo(4096);
        assertThat(read.ropeScaling()).isEqualTo(new RopeScaling(RopeScaling.Kind.LLAMA3, 8, 1, 4, 8192));
        c.putNull("rope_scaling");
        assertThat(HfConfig.read(c.toString(), 4096).ropeScaling()).isNull();
    }

    @Test
    void shards_must_exist_and_hold_what_the_index_says() throws IOException {
        Files.writeString(dir.resolve("config.json"), TinyHfFolders.llamaConfig(32).toString());
        Map<String, TensorData> all = TinyHfFolders.llamaTensors(32);
        Map<String, TensorData> first = new LinkedHashMap<>();
        Map<String, TensorData> second = new LinkedHashMap<>();
        ObjectNode weightMap = Json.object();
        int i = 0;
        for (var e : all.entrySet()) {
            String shard = i++ % 2 == 0 ? "model-00001-of-00002.safetensors" : "model-00002-of-00002.safetensors";
            (shard.startsWith("model-00001") ? first : second).put(e.getKey(), e.getValue());
            weightMap.put(e.getKey(), shard);
        }
        ObjectNode index = Json.object();
        index.set("weight_map", weightMap);
        Files.writeString(dir.resolve(HfTensors.INDEX), index.toString());
        Safetensors.write(dir.resolve("model-00001-of-00002.safetensors"), first, Map.of());
        assertThatThrownBy(() -> load(dir)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("model-00002-of-00002.safetensors");
        second.remove("model.norm.weight");
        Safetensors.write(dir.resolve("model-00002-of-00002.safetensors"), second, Map.of());
        assertThatThrownBy(() -> load(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("missing [model.norm.weight]");
        second.put("model.norm.weight", all.get("model.norm.weight"));
        Safetensors.write(dir.resolve("model-00002-of-00002.safetensors"), second, Map.of());
        try (GptModel model = load(dir)) {
            assertThat(model.config().layers()).isEqualTo(2);
        }
    }

    /** A GPT-2 folder (width 8, 2 heads, 1 layer, 8 positions, vocabulary 16) with one tensor edited. */
    private Path gpt2Folder(Consumer<Map<String, TensorData>> edit) throws IOException {
        Files.writeString(dir.resolve("config.json"), """
                {"architectures": ["GPT2LMHeadModel"], "model_type": "gpt2", "n_embd": 8, "n_head": 2,
                 "n_layer": 1, "n_positions": 8, "vocab_size": 16}
                """);
        Map<String, TensorData> t = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(4);
        TinyHfFolders.put(t, random, "transformer.wte.weight", 16, 8);
        TinyHfFolders.put(t, random, "transformer.wpe.weight", 8, 8);
        for (String ln : new String[] {"transformer.h.0.ln_1", "transformer.h.0.ln_2", "transformer.ln_f"}) {
            TinyHfFolders.put(t, random, ln + ".weight", 8);
            TinyHfFolders.put(t, random, ln + ".bias", 8);
        }
        TinyHfFolders.put(t, random, "transformer.h.0.attn.c_attn.weight", 8, 24);
        TinyHfFolders.put(t, random, "transformer.h.0.attn.c_attn.bias", 24);
        TinyHfFolders.put(t, random, "transformer.h.0.attn.c_proj.weight", 8, 8);
        TinyHfFolders.put(t, random, "transformer.h.0.attn.c_proj.bias", 8);
        TinyHfFolders.put(t, random, "transformer.h.0.mlp.c_fc.weight", 8, 32);
        TinyHfFolders.put(t, random, "transformer.h.0.mlp.c_fc.bias", 32);
        TinyHfFolders.put(t, random, "transformer.h.0.mlp.c_proj.weight", 32, 8);
        TinyHfFolders.put(t, random, "transformer.h.0.mlp.c_proj.bias", 8);
        edit.accept(t);
        Safetensors.write(dir.resolve("model.safetensors"), t, Map.of());
        return dir;
    }

    @Test
    void gpt2_loads_with_its_layout_and_refuses_a_linear_layout_weight() throws IOException {
        try (GptModel model = HfImport.load(gpt2Folder(t -> { }), 4, Device.cpu())) {
            assertThat(model.config().mlp()).isEqualTo(GptConfig.Mlp.GELU_TANH);
            assertThat(model.config().contextLength()).as("capped, wpe sliced").isEqualTo(4);
            assertThat(model.parameters().get("transformer.h.0.attn.c_attn.weight").getShape().getShape())
                    .as("Conv1D (in, out) transposed to (out, in)").containsExactly(24, 8);
        }
        assertThatThrownBy(() -> load(gpt2Folder(t -> t.put("transformer.h.0.attn.c_attn.weight",
                TensorData.ofFloats(new long[] {24, 8}, new float[192])))))
                .hasMessageContaining("tensor 'transformer.h.0.attn.c_attn.weight' has shape [24, 8], expected [8, 24]")
                .hasMessageContaining("Conv1D layout");
        assertThatThrownBy(() -> load(gpt2Folder(t -> t.remove("transformer.ln_f.bias"))))
                .hasMessageContaining("missing tensor 'transformer.ln_f.bias'");
    }

    @Test
    void our_own_models_round_trip_through_the_hugging_face_layout(@TempDir Path tmp) throws IOException {
        GptConfig nanogpt = GptConfig.nanogptCpu(40).withContextLength(16);
        GptConfig modern = GptConfig.of(40, 16, 2, 2, 16);
        int i = 0;
        for (GptConfig c : List.of(nanogpt, modern)) {
            Path ours = tmp.resolve("ours" + i);
            Path hf = tmp.resolve("hf" + i++);
            try (GptModel model = GptModel.create(c, 7, Device.cpu());
                 NoGrad off = NoGrad.enter();
                 NDManager manager = NDManager.newBaseManager(Device.cpu())) {
                Checkpoints.saveModel(ours, model, null);
                String architecture = HfExport.export(ours, hf);
                assertThat(architecture).isEqualTo(c == nanogpt ? "GPT2LMHeadModel" : "LlamaForCausalLM");
                try (GptModel back = HfImport.load(hf, HfImport.DEFAULT_MAX_CONTEXT, Device.cpu())) {
                    // nanoGPT's bias-free LayerNorm and linears come back with zero biases, exact GELU kept
                    assertThat(back.config().mlp()).isEqualTo(c.mlp());
                    NDArray tokens = NativeArrays.of(manager, new int[] {1, 5, 9, 33, 2, 0, 39, 12}, new Shape(1, 8));
                    float[] want = model.forward(tokens).toFloatArray();
                    float[] got = back.forward(tokens).toFloatArray();
                    assertThat(HfParityTest.maxAbsDiff(got, want)).as(architecture).isLessThan(1e-6);
                }
            }
        }
        GptConfig mixed = new GptConfig(40, 16, 1, 2, 16, GptConfig.Norm.RMS, GptConfig.Position.LEARNED,
                GptConfig.Mlp.GELU, true, false, 0, 10000, 1e-5);
        try (GptModel model = GptModel.create(mixed, 7, Device.cpu())) {
            Checkpoints.saveModel(tmp.resolve("mixed"), model, null);
        }
        assertThatThrownBy(() -> HfExport.export(tmp.resolve("mixed"), tmp.resolve("hf-mixed")))
                .hasMessageContaining("has no Hugging Face architecture");
    }

    @Test
    void half_precision_tensors_widen_exactly() {
        ByteBuffer bf16 = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0x3F80).putShort((short) 0xC040).putShort((short) 0x3EAB).flip();
        assertThat(new TensorData("BF16", new long[] {3}, bf16).toF32().toFloatArray())
                .containsExactly(1f, -3f, Float.intBitsToFloat(0x3EAB0000));
        ByteBuffer f16 = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0x3C00).putShort((short) 0xC000).putShort((short) 0x0001).flip();
        assertThat(new TensorData("F16", new long[] {3}, f16).toF32().toFloatArray())
                .containsExactly(1f, -2f, (float) Math.pow(2, -24));
        assertThatThrownBy(() -> TensorData.ofInts(new long[] {1}, new int[] {1}).toF32())
                .hasMessageContaining("I32");
    }
}
