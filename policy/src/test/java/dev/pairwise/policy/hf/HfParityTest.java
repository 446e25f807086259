package dev.pairwise.policy.hf;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.pairwise.policy.checkpoint.Checkpoints;
import dev.pairwise.policy.io.Json;
import dev.pairwise.policy.io.Safetensors;
import dev.pairwise.policy.io.TensorData;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.model.KvCache;
import dev.pairwise.policy.model.NoGrad;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Parity with a reference no one here wrote: PyTorch computing transformers' Llama and GPT-2
 * forward passes ({@code policy/src/test/python/hf_parity.py}) on tiny random checkpoints in
 * Hugging Face layout (grouped- and multi-query attention, tied and untied heads, llama3 and
 * linear rope scaling, GPT-2's Conv1D layout and gelu_new, F32, sharded BF16 and F16 files). Our logits must equal PyTorch's within 1e-4 max abs
 * difference. Skipped, saying why, where no python3 with torch is installed.
 */
class HfParityTest {

    static final String SCRIPT = "policy/src/test/python/hf_parity.py";
    static final double TOLERANCE = 1e-4;

    @TempDir
    static Path reference;

    @BeforeAll
    static void runReference() throws IOException, InterruptedException {
        String python = PythonWithTorch.find();
        Assumptions.assumeTrue(python != null, "no python3 with torch found (Debian: apt-get install python3-torch; "
                + "or set PAIRWISE_PYTHON); the Hugging Face parity tests did not run");
        Path script = Path.of(SCRIPT).toAbsolutePath();
        assertThat(script).as("reference script").isRegularFile();
        Process p = new ProcessBuilder(python, script.toString(), reference.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("script finished").isTrue();
        assertThat(p.exitValue()).as("script exit code; output:\n%s", output).isZero();
        System.out.print(output);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"llama-gqa-f32", "llama-mqa-bf16-sharded-tied", "mistral-gqa-f16-linear",
        "qwen2-gqa-bf16-tied", "gpt2-f32", "gpt2-f16-unprefixed"})
    void logits_equal_pytorch_within_1e_4(String name) throws IOException {
        Path dir = reference.resolve(name);
        try (GptModel model = HfImport.load(dir, HfImport.DEFAULT_MAX_CONTEXT, Device.cpu());
             NoGrad off = NoGrad.enter();
             NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            var expected = Safetensors.read(dir.resolve("expected.safetensors"));
            NDArray tokens = expected.tensor("tokens").toNDArray(manager);
            float[] want = expected.tensor("logits").toFloatArray();
            float[] got = model.forward(tokens).toFloatArray();
            assertThat(got).hasSize(want.length);
            double worst = maxAbsDiff(got, want);
            System.out.printf("%s: max |ours - pytorch| = %.3g over %d logits%n", name, worst, want.length);
            assertThat(worst).as("%s: max |ours - pytorch|", name).isLessThan(TOLERANCE);
        }
    }

    /**
     * Greedy decoding with the key/value cache (which keeps only the key/value heads) gives the
     * tokens PyTorch picks by recomputing the whole sequence, and every cached step's logits equal
     * our own full recomputation within 1e-4.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"llama-gqa-f32", "llama-mqa-bf16-sharded-tied", "mistral-gqa-f16-linear",
        "qwen2-gqa-bf16-tied", "gpt2-f32", "gpt2-f16-unprefixed"})
    void greedy_decoding_with_the_cache_matches_full_recomputation(String name) throws IOException {
        Path dir = reference.resolve(name);
        JsonNode greedy = Json.parse(Files.readString(dir.resolve("expected_greedy.json")));
        int[] prompt = ints(greedy, "prompt");
        int[] wanted = ints(greedy, "greedy");
        try (GptModel model = HfImport.load(dir, HfImport.DEFAULT_MAX_CONTEXT, Device.cpu());
             NoGrad off = NoGrad.enter();
             NDManager manager = NDManager.newBaseManager(Device.cpu());
             KvCache cache = model.newCache(manager, 1)) {
            List<Integer> sequence = new ArrayList<>();
            for (int id : prompt) {
                sequence.add(id);
            }
            NDArray step = model.forward(manager.create(prompt, new Shape(1, prompt.length)), cache);
            int[] picked = new int[wanted.length];
            double worst = 0;
            for (int i = 0; i < wanted.length; i++) {
                float[] last = step.get(new NDIndex("0, -1")).toFloatArray();
                int[] all = sequence.stream().mapToInt(Integer::intValue).toArray();
                float[] full = model.forward(manager.create(all, new Shape(1, all.length)))
                        .get(new NDIndex("0, -1")).toFloatArray();
                worst = Math.max(worst, maxAbsDiff(last, full));
                picked[i] = argmax(last);
                sequence.add(picked[i]);
                step = model.forward(manager.create(new int[] {picked[i]}, new Shape(1, 1)), cache);
            }
            System.out.printf("%s: greedy %s, max |cached - full| = %.3g%n", name, Arrays.toString(picked), worst);
            assertThat(worst).as("max |cached - full recompute|").isLessThan(TOLERANCE);
            assertThat(picked).as("greedy tokens vs PyTorch's").containsExactly(wanted);
        }
    }

    /** The imported checkpoint is one of ours: Checkpoints.loadModel gives the same logits. */
    @Test
    void an_imported_checkpoint_loads_like_any_other(@TempDir Path out) throws IOException {
        Path dir = reference.resolve("llama-mqa-bf16-sharded-tied");
        HfImport.Summary summary = HfImport.importTo(dir, out.resolve("ckpt"), HfImport.DEFAULT_MAX_CONTEXT);
        assertThat(summary.config().keyValueHeads()).isEqualTo(1);
        assertThat(summary.tokenizerProblem()).contains("no tokenizer.json");
        try (GptModel model = Checkpoints.loadModel(out.resolve("ckpt"), Device.cpu());
             NoGrad off = NoGrad.enter();
             NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            assertThat(model.config()).isEqualTo(summary.config());
            var expected = Safetensors.read(dir.resolve("expected.safetensors"));
            float[] got = model.forward(expected.tensor("tokens").toNDArray(manager)).toFloatArray();
            assertThat(maxAbsDiff(got, expected.tensor("logits").toFloatArray())).isLessThan(TOLERANCE);
        }
    }

    /**
     * Import, then export: the exported folder holds every weight of the original exactly (F32;
     * half-precision originals widened), and the PyTorch reference, reading the exported folder
     * itself, computes the logits PyTorch computed from the original within 1e-4.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"llama-gqa-f32", "llama-mqa-bf16-sharded-tied", "mistral-gqa-f16-linear",
        "qwen2-gqa-bf16-tied", "gpt2-f32", "gpt2-f16-unprefixed"})
    void export_gives_back_the_original_weights_and_pytorch_reads_it(String name, @TempDir Path tmp)
            throws IOException, InterruptedException {
        Path dir = reference.resolve(name);
        HfImport.importTo(dir, tmp.resolve("ours"), HfImport.DEFAULT_MAX_CONTEXT);
        Path exported = tmp.resolve("exported");
        String architecture = HfExport.export(tmp.resolve("ours"), exported);
        assertThat(architecture).isIn("LlamaForCausalLM", "Qwen2ForCausalLM", "GPT2LMHeadModel");

        Map<String, TensorData> original = new TreeMap<>();
        boolean gpt2 = architecture.equals("GPT2LMHeadModel");
        HfTensors.read(dir).forEach((n, t) -> {
            if (!n.matches(".*(\\.attn\\.(bias|masked_bias)|rotary_emb\\.inv_freq)$")) {
                original.put(gpt2 && !n.startsWith("transformer.") ? "transformer." + n : n, t);
            }
        });
        Map<String, TensorData> back = Safetensors.read(exported.resolve(HfTensors.SINGLE)).tensors();
        assertThat(back.keySet()).isEqualTo(original.keySet());
        back.forEach((n, t) -> assertThat(t).as(n).isEqualTo(original.get(n)));

        Path logits = tmp.resolve("logits.safetensors");
        Process p = new ProcessBuilder(PythonWithTorch.find(), Path.of(SCRIPT).toAbsolutePath().toString(),
                "--forward", exported.toString(), dir.resolve("expected.safetensors").toString(), logits.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("script output:\n%s", output).isZero();
        double worst = maxAbsDiff(Safetensors.read(logits).tensor("logits").toFloatArray(),
                Safetensors.read(dir.resolve("expected.safetensors")).tensor("logits").toFloatArray());
        System.out.printf("%s: exported as %s, max |pytorch(exported) - pytorch(original)| = %.3g%n", name,
                architecture, worst);
        assertThat(worst).isLessThan(TOLERANCE);
    }

    static double maxAbsDiff(float[] a, float[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs((double) a[i] - b[i]));
        }
        return worst;
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int[] ints(JsonNode o, String field) {
        var array = o.get(field);
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
