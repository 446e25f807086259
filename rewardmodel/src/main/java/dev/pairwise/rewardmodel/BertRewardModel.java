/*
 * The reward model on a pretrained encoder: all-MiniLM-L6-v2 (a 6-layer BERT, Devlin et al. 2019,
 * distilled as MiniLM by Wang et al. 2020 and trained by sentence-transformers for mean-pooled
 * sentence embeddings, Reimers & Gurevych 2019) reads "[CLS] prompt [SEP] response [SEP]" as a
 * sentence pair, and a linear head on its mean-pooled last state gives the Bradley–Terry reward
 * (Ouyang et al. 2022, §3.5). Every working reward model starts from a pretrained language model;
 * this is the one pretrained transformer the build can reach. Departures: the head reads the
 * mean-pooled state (the state the backbone was trained to make meaningful) rather than the last
 * token, and the lowest blocks may stay frozen to fit a CPU's time budget.
 */
package dev.pairwise.rewardmodel;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.pairwise.formats.Speaker;
import dev.pairwise.policy.align.AlignCheckpoints;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.policy.device.Devices;
import dev.pairwise.policy.io.Json;
import dev.pairwise.policy.io.Safetensors;
import dev.pairwise.policy.model.NativeArrays;
import dev.pairwise.rewardmodel.bert.BertConfig;
import dev.pairwise.rewardmodel.bert.BertEncoder;
import dev.pairwise.rewardmodel.bert.BertWeights;
import dev.pairwise.rewardmodel.bert.MiniLm;
import dev.pairwise.rewardmodel.bert.WordPieceTokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A Bradley–Terry reward model on the pretrained all-MiniLM-L6-v2 encoder; takes text. */
public final class BertRewardModel implements RewardModel {

    static final String MODEL_FILE = "model.safetensors";
    static final String CONFIG_FILE = "config.json";
    static final String TOKENIZER_FILE = "tokenizer.json";
    /**
     * Blocks kept as pretrained by default (with the embeddings): all but the top one. On a
     * shared 2-core CPU the backward pass through one block instead of six is what lets a run
     * finish in minutes, and a thousand pairs hardly move the lower layers' general features.
     */
    public static final int DEFAULT_FROZEN_LAYERS = 5;
    /** Sequences per padded forward inside {@link #rewards}: small enough that lengths within one are close. */
    static final int BUCKET = 4;

    private final BertEncoder encoder;
    private final WordPieceTokenizer tokenizer;
    private final int maxLength;
    private final int frozenLayers;
    private final NDManager manager;
    private final NDArray headW;
    private final NDArray headB;
    private final Map<String, NDArray> trainable = new LinkedHashMap<>();

    /** Takes over {@code encoder} and {@code tokenizer}: closed with this model. */
    private BertRewardModel(BertEncoder encoder, WordPieceTokenizer tokenizer, int maxLength, int frozenLayers,
            float[] w, float b) {
        this.encoder = encoder;
        this.tokenizer = tokenizer;
        this.maxLength = maxLength;
        this.frozenLayers = frozenLayers;
        this.manager = NDManager.newBaseManager(encoder.device());
        BertConfig c = encoder.config();
        if (maxLength < 8 || maxLength > c.maxPositionEmbeddings()) {
            close();
            throw new IllegalArgumentException("maxLength must be in [8, " + c.maxPositionEmbeddings() + "], got "
                    + maxLength);
        }
        if (frozenLayers < 0 || frozenLayers > c.numHiddenLayers()) {
            close();
            throw new IllegalArgumentException("frozenLayers must be in [0, " + c.numHiddenLayers() + "], got "
                    + frozenLayers);
        }
        if (w.length != c.hiddenSize()) {
            close();
            throw new IllegalArgumentException("reward head has " + w.length + " weights, the encoder's width is "
                    + c.hiddenSize());
        }
        headW = NativeArrays.of(manager, w, new Shape(c.hiddenSize()));
        headB = NativeArrays.of(manager, new float[] {b}, new Shape(1));
        encoder.parameters().forEach((name, p) -> {
            // frozen: the embeddings and the lowest blocks, when any block is frozen
            boolean train = frozenLayers == 0 || BertWeights.layerOf(name) >= frozenLayers;
            if (train) {
                p.setRequiresGradient(true);
                trainable.put(name, p);
            }
        });
        headW.setRequiresGradient(true);
        headB.setRequiresGradient(true);
        trainable.put("score.weight", headW);
        trainable.put("score.bias", headB);
    }

    /**
     * The pretrained all-MiniLM-L6-v2 with a fresh head, weights N(0, 1/(d+1)) as TRL's.
     *
     * @param maxLength    tokens read per prompt + response (the dialogue is cut from the left)
     * @param frozenLayers 0: everything trains; k &gt; 0: the embeddings and the lowest k blocks stay
     *                     as pretrained
     */
    public static BertRewardModel pretrained(Device device, long seed, int maxLength, int frozenLayers)
            throws IOException {
        BertEncoder encoder = MiniLm.encoder(device);
        WordPieceTokenizer tok;
        try {
            tok = MiniLm.tokenizer();
        } catch (IOException | RuntimeException e) {
            encoder.close();
            throw e;
        }
        int d = encoder.config().hiddenSize();
        Random rng = new Random(seed);
        float[] w = new float[d];
        double std = 1.0 / Math.sqrt(d + 1.0);
        for (int i = 0; i < d; i++) {
            w[i] = (float) (rng.nextGaussian() * std);
        }
        return new BertRewardModel(encoder, tok, maxLength, frozenLayers, w, 0f);
    }

    /** Loads a checkpoint written by {@link #save} ({@link RewardModel#load} checks what the folder holds). */
    static BertRewardModel load(Path dir, Device device) throws IOException {
        JsonNode state = AlignCheckpoints.state(dir);
        for (String key : new String[] {"maxLength", "frozenLayers"}) {
            if (!state.has(key)) {
                throw new IllegalArgumentException(dir.resolve(AlignCheckpoints.STATE) + " lacks '" + key + "'");
            }
        }
        BertConfig config = BertConfig.fromJson(Json.parseObject(Files.readString(file(dir, CONFIG_FILE)), CONFIG_FILE));
        float[] w;
        float b;
        BertEncoder encoder;
        try (NDManager scratch = NDManager.newBaseManager(Devices.host())) {
            RewardHead head = RewardHead.read(dir, scratch);
            w = head.weight();
            b = head.bias();
            encoder = BertEncoder.fromArrays(config, Safetensors.readNDArrays(file(dir, MODEL_FILE), scratch), device);
        }
        try {
            return new BertRewardModel(encoder, WordPieceTokenizer.of(Files.readAllBytes(file(dir, TOKENIZER_FILE))),
                    state.get("maxLength").asInt(), state.get("frozenLayers").asInt(), w, b);
        } catch (IOException | RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    private static Path file(Path dir, String name) throws NoSuchFileException {
        Path f = dir.resolve(name);
        if (!Files.isRegularFile(f)) {
            throw new NoSuchFileException(f.toString(), null, "checkpoint file missing");
        }
        return f;
    }

    @Override
    public String backboneName() {
        return MiniLm.NAME;
    }

    /** The trained parameters: the unfrozen encoder tensors and the head. */
    @Override
    public Map<String, NDArray> parameters() {
        return trainable;
    }

    @Override
    public Device device() {
        return encoder.device();
    }

    @Override
    public int contextLength() {
        return maxLength;
    }

    public int frozenLayers() {
        return frozenLayers;
    }

    /** The prompt's turns as the text of the first segment: "User: …\nAssistant: …". */
    static String promptText(List<Turn> prompt) {
        StringBuilder out = new StringBuilder();
        for (Turn t : prompt) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(t.role() == Speaker.ASSISTANT ? "Assistant: " :
                    t.role() == Speaker.SYSTEM ? "System: " : "User: ")
                    .append(t.content());
        }
        return out.toString();
    }

    /**
     * {@code [CLS] prompt [SEP] response [SEP]} within {@code maxLength} tokens (and this model's
     * own): the prompt loses turns from its start first, since the last turns are what the
     * response answers; a response too long even so loses its end, the prompt keeping at least
     * its last quarter of the room.
     */
    @Override
    public Sequence encode(List<Turn> prompt, String response, int maxLength) {
        return fit(text(promptText(prompt)), text(response), Math.min(maxLength, this.maxLength));
    }

    /** WordPiece ids of text; a special token typed in the text reads as unknown, so text cannot forge one. */
    private int[] text(String s) {
        int[] ids = tokenizer.encode(s);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == tokenizer.clsId() || ids[i] == tokenizer.sepId() || ids[i] == tokenizer.padId()) {
                ids[i] = tokenizer.unkId();
            }
        }
        return ids;
    }

    Sequence fit(int[] prompt, int[] response, int limit) {
        int room = limit - 3;
        if (room < 2) {
            throw new IllegalArgumentException("maxLength " + limit + " leaves no room for prompt and response");
        }
        int minPrompt = Math.min(prompt.length, Math.max(1, room / 4));
        int r = Math.min(response.length, room - minPrompt);
        int p = Math.min(prompt.length, room - r);
        int[] out = new int[p + r + 3];
        out[0] = tokenizer.clsId();
        System.arraycopy(prompt, prompt.length - p, out, 1, p);
        out[p + 1] = tokenizer.sepId();
        System.arraycopy(response, 0, out, p + 2, r);
        out[p + r + 2] = tokenizer.sepId();
        return new Sequence(out, p < prompt.length || r < response.length);
    }

    /**
     * Rewards of sequences from {@link #encode}: shortest first in buckets of {@link #BUCKET}, each
     * padded only to its own longest (HH-RLHF dialogues range from 20 to 256 tokens, so one
     * padded batch would spend a third of its work on padding); the response's segment (after
     * the first [SEP]) as token type 1; the head on the mean over each row's tokens.
     */
    @Override
    public NDArray rewards(NDManager sm, List<int[]> sequences) {
        int n = sequences.size();
        int[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingInt(i -> sequences.get(i).length))
                .mapToInt(Integer::intValue).toArray();
        NDList parts = new NDList();
        for (int from = 0; from < n; from += BUCKET) {
            List<int[]> bucket = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + BUCKET); i++) {
                bucket.add(sequences.get(order[i]));
            }
            parts.add(padded(sm, bucket));
        }
        long[] position = new long[n];
        for (int i = 0; i < n; i++) {
            position[order[i]] = i;
        }
        NDArray sorted = parts.size() == 1 ? parts.singletonOrThrow() : NDArrays.concat(parts, 0);
        return sorted.gather(NativeArrays.of(sm, position), 0);
    }

    private NDArray padded(NDManager sm, List<int[]> sequences) {
        int n = sequences.size();
        int t = sequences.stream().mapToInt(s -> s.length).max().orElseThrow();
        long[] ids = new long[n * t];
        long[] types = new long[n * t];
        long[] mask = new long[n * t];
        Arrays.fill(ids, tokenizer.padId());
        for (int i = 0; i < n; i++) {
            int[] s = sequences.get(i);
            int type = 0;
            for (int j = 0; j < s.length; j++) {
                ids[i * t + j] = s[j];
                types[i * t + j] = type;
                mask[i * t + j] = 1;
                if (s[j] == tokenizer.sepId()) {
                    type = 1;
                }
            }
        }
        Shape shape = new Shape(n, t);
        NDArray maskArray = NativeArrays.of(sm, mask, shape);
        NDArray hidden = encoder.forward(NativeArrays.of(sm, ids, shape), NativeArrays.of(sm, types, shape), maskArray);
        return BertEncoder.meanPool(hidden, maskArray).matMul(headW).add(headB);
    }

    /**
     * Saves a Hugging Face BERT folder ({@code model.safetensors} with every encoder tensor,
     * {@code config.json}, {@code tokenizer.json}), the head, and the given trainer state and
     * optimizer moments.
     */
    @Override
    public void save(Path dir, Map<String, NDArray> optimizerState, long optimizerStep, ObjectNode state)
            throws IOException {
        state.put("kind", GptRewardModel.KIND);
        state.put("backbone", MiniLm.NAME);
        state.put("maxLength", maxLength);
        state.put("frozenLayers", frozenLayers);
        Map<String, NDArray> head = new LinkedHashMap<>();
        head.put("score.weight", headW);
        head.put("score.bias", headB);
        AlignCheckpoints.save(dir, tmp -> {
            Files.createDirectories(tmp);
            Safetensors.writeNDArrays(tmp.resolve(MODEL_FILE), encoder.parameters(), Map.of("format", "pt"));
            ObjectNode config = encoder.config().toJson();
            config.putArray("architectures").add("BertModel");
            Files.writeString(tmp.resolve(CONFIG_FILE), Json.compact(config));
            Files.write(tmp.resolve(TOKENIZER_FILE), tokenizer.json());
        }, optimizerState, optimizerStep, state, Map.of(AlignCheckpoints.REWARD_HEAD, head));
    }

    @Override
    public void close() {
        manager.close();
        tokenizer.close();
        encoder.close();
    }
}
