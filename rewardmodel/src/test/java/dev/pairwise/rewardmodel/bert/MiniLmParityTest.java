package dev.pairwise.rewardmodel.bert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.pairwise.policy.io.Json;
import dev.pairwise.policy.model.NativeArrays;
import dev.pairwise.policy.model.NoGrad;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our BERT encoder with the weights read from all-MiniLM-L6-v2's ONNX file against that same file
 * run by ONNX Runtime, a reference no one here wrote: every token's last hidden state and the
 * mean-pooled sentence embedding agree within 1e-4, on sentences of 75 languages, Shakespeare and
 * multi-turn HH-RLHF dialogues up to 512 tokens, padded in batches of mixed lengths, with a
 * second token type in every other row.
 */
class MiniLmParityTest {

    private static final Path DATA = Path.of("..", "shared", "data");
    private static final double TOLERANCE = 1e-4;
    private static final int BATCH = 8;

    private static List<String> sentences;

    @BeforeAll
    static void readSentences() throws IOException {
        assumeTrue(Files.isDirectory(DATA), "shared data not present at " + DATA.toAbsolutePath()
                + ": MiniLM parity test skipped (it needs varied real text)");
        sentences = new ArrayList<>();
        List<String> lingua = jsonField(DATA.resolve("langid-lingua/sentences_200_per_lang.jsonl.gz"), "text");
        for (int i = 0; i < lingua.size(); i += 100) {
            sentences.add(lingua.get(i)); // two per language, 75 languages
        }
        List<String> shakespeare = Files.readAllLines(DATA.resolve("tinyshakespeare/input.txt"));
        for (int i = 0; i < 24; i++) {
            sentences.add(String.join("\n", shakespeare.subList(i * 40, i * 40 + 3 + i % 7)));
        }
        List<String> hh = jsonField(DATA.resolve("hh-rlhf/helpful-base/test.jsonl.gz"), "chosen");
        for (int i = 0; i < 20; i++) {
            sentences.add(hh.get(i * 37));
        }
        hh.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed()).limit(4)
                .forEach(sentences::add); // longer than 512 tokens: cut to fill every position
        sentences.add("");
        sentences.add("naïve café — déjà vu 😀👍🏽 日本語 ∑∫√∞ <|end|> [SEP] [MASK]");
    }

    private static List<String> jsonField(Path file, String field) throws IOException {
        assumeTrue(Files.isRegularFile(file), file.toAbsolutePath() + " absent: MiniLM parity test skipped");
        List<String> out = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.add(Json.parse(line).get(field).asString());
            }
        }
        return out;
    }

    @Test
    void token_states_and_mean_pooled_embeddings_equal_onnx_runtime() throws Exception {
        byte[] onnx;
        try (InputStream in = MiniLm.open(MiniLm.ONNX)) {
            onnx = in.readAllBytes();
        }
        List<int[]> inputs = new ArrayList<>();
        try (WordPieceTokenizer tok = MiniLm.tokenizer()) {
            for (String s : sentences) {
                int[] ids = tok.encode(s);
                int[] seq = new int[Math.min(ids.length, 510) + 2];
                seq[0] = tok.clsId();
                System.arraycopy(ids, 0, seq, 1, seq.length - 2);
                seq[seq.length - 1] = tok.sepId();
                inputs.add(seq);
            }
        }
        assertThat(inputs.stream().mapToInt(s -> s.length).max().orElseThrow()).as("some inputs fill the 512 positions")
                .isEqualTo(512);
        double maxToken = 0;
        double maxPooled = 0;
        long tokens = 0;
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(onnx, options);
                BertEncoder encoder = MiniLm.encoder(Device.cpu());
                NDManager manager = NDManager.newBaseManager(Device.cpu());
                NoGrad off = NoGrad.enter()) {
            encoder.manager().cap(); // a forward that left an array with the parameters would throw
            for (int from = 0; from < inputs.size(); from += BATCH) {
                List<int[]> batch = inputs.subList(from, Math.min(from + BATCH, inputs.size()));
                int b = batch.size();
                int t = batch.stream().mapToInt(s -> s.length).max().orElseThrow();
                long[] ids = new long[b * t];
                long[] mask = new long[b * t];
                long[] types = new long[b * t];
                for (int i = 0; i < b; i++) {
                    int len = batch.get(i).length;
                    for (int j = 0; j < len; j++) {
                        ids[i * t + j] = batch.get(i)[j];
                        mask[i * t + j] = 1;
                        types[i * t + j] = i % 2 == 1 && j > len / 2 ? 1 : 0; // a second segment in every other row
                    }
                }
                float[] reference = onnxRuntime(env, session, ids, types, mask, b, t);
                float[] ours;
                float[] pooled;
                try (NDManager sm = manager.newSubManager()) {
                    NDArray idArray = NativeArrays.of(sm, ids, new Shape(b, t));
                    NDArray maskArray = NativeArrays.of(sm, mask, new Shape(b, t));
                    NDArray hidden = encoder.forward(idArray, NativeArrays.of(sm, types, new Shape(b, t)),
                            maskArray);
                    ours = hidden.toFloatArray();
                    pooled = BertEncoder.meanPool(hidden, maskArray).toFloatArray();
                }
                int d = BertConfig.MINILM_L6.hiddenSize();
                for (int i = 0; i < b; i++) {
                    int len = batch.get(i).length;
                    double[] refPooled = new double[d];
                    for (int j = 0; j < len; j++) {
                        for (int k = 0; k < d; k++) {
                            int at = (i * t + j) * d + k;
                            maxToken = Math.max(maxToken, Math.abs(ours[at] - reference[at]));
                            refPooled[k] += reference[at] / len;
                        }
                    }
                    tokens += len;
                    for (int k = 0; k < d; k++) {
                        maxPooled = Math.max(maxPooled, Math.abs(pooled[i * d + k] - refPooled[k]));
                    }
                }
            }
        }
        System.out.printf("MiniLM parity over %d sentences, %d tokens: max |ours - ONNX Runtime| token states %.3g, "
                + "mean-pooled %.3g%n", inputs.size(), tokens, maxToken, maxPooled);
        assertThat(maxToken).isLessThanOrEqualTo(TOLERANCE);
        assertThat(maxPooled).isLessThanOrEqualTo(TOLERANCE);
    }

    private static float[] onnxRuntime(OrtEnvironment env, OrtSession session, long[] ids, long[] types, long[] mask,
            int b, int t)
            throws OrtException {
        long[] shape = {b, t};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(mask), shape);
                OnnxTensor typeTensor = OnnxTensor.createTensor(env, java.nio.LongBuffer.wrap(types), shape);
                OrtSession.Result result = session.run(Map.of("input_ids", idTensor, "attention_mask", maskTensor,
                        "token_type_ids", typeTensor))) {
            OnnxTensor out = (OnnxTensor) result.get("last_hidden_state").orElseThrow();
            float[] values = new float[b * t * BertConfig.MINILM_L6.hiddenSize()];
            out.getFloatBuffer().get(values);
            return values;
        }
    }

    @Test
    void the_onnx_reader_names_every_weight_as_pytorch_did() throws IOException {
        Map<String, OnnxInitializers.Tensor> w = MiniLm.weights();
        assertThat(w.keySet()).containsAll(BertWeights.shapes(BertConfig.MINILM_L6).keySet());
        assertThat(w.keySet()).noneMatch(n -> n.startsWith("onnx::"));
        assertThat(w.get("encoder.layer.5.intermediate.dense.weight").shape()).containsExactly(1536, 384);
        assertThat(w.get("embeddings.LayerNorm.weight").values()).hasSize(384).doesNotContain(Float.NaN);
    }
}
