package dev.pairwise.rewardmodel;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.pairwise.policy.align.AlignCheckpoints;
import dev.pairwise.policy.align.ChatTokens;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.policy.device.Devices;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.tokenizer.Tokenizer;
import dev.pairwise.policy.tokenizer.Tokenizers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import dev.pairwise.policy.model.NativeArrays;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reward model of InstructGPT (Ouyang et al. 2022, §3.5): a GPT backbone initialised from a
 * policy checkpoint (SFT or base) and a scalar head read at the last token of prompt + response
 * (the response's {@code <|end|>}).
 *
 * <p>The head reads the final normed hidden state ({@link GptModel#forwardHidden}), as
 * InstructGPT's linear head on the last layer: {@code r = w·h + b}. (An earlier version read the
 * centred logits, a rank-V projection of h: at the tiny sizes of the loop demo the vocabulary is
 * smaller than the width, so that head could not see all of h and the reward model stayed near
 * chance on held-out rankings.)
 */
public final class GptRewardModel implements RewardModel {

    static final String KIND = "reward";
    /** The backbone's name in checkpoints and settings. */
    public static final String BACKBONE = "gpt";

    private final GptModel backbone;
    private final ChatTokens chat;
    private final NDManager manager;
    private final NDArray headW;
    private final NDArray headB;
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();

    private GptRewardModel(GptModel backbone, ChatTokens chat, float[] w, float b) {
        this.backbone = backbone;
        this.chat = chat;
        this.manager = NDManager.newBaseManager(backbone.device());
        int d = backbone.config().width();
        if (w.length != d) {
            backbone.close();
            manager.close();
            throw new IllegalArgumentException("reward head has " + w.length + " weights, the backbone's width is " + d
                    + " (a head saved before the reward model read hidden states: retrain it)");
        }
        headW = NativeArrays.of(manager, w, new Shape(d));
        headB = NativeArrays.of(manager, new float[] {b}, new Shape(1));
        headW.setRequiresGradient(true);
        headB.setRequiresGradient(true);
        parameters.putAll(backbone.parameters());
        parameters.put("score.weight", headW);
        parameters.put("score.bias", headB);
    }

    /** A fresh head on a backbone (taken over: closed with this model), weights N(0, 1/(d+1)). */
    public static GptRewardModel fresh(GptModel backbone, ChatTokens chat, long seed) {
        int d = backbone.config().width();
        Random rng = new Random(seed);
        float[] w = new float[d];
        double std = 1.0 / Math.sqrt(d + 1.0);
        for (int i = 0; i < d; i++) {
            w[i] = (float) (rng.nextGaussian() * std);
        }
        return new GptRewardModel(backbone, chat, w, 0f);
    }

    /**
     * A new reward model whose backbone is the policy checkpoint {@code policyDir} (SFT or base).
     *
     * @throws IllegalArgumentException if {@code policyDir} holds a reward model, or lacks a tokenizer
     */
    public static GptRewardModel initFrom(Path policyDir, Device device, long seed) throws IOException {
        GptModel backbone = AlignCheckpoints.loadPolicy(policyDir, device);
        try {
            return fresh(backbone, new ChatTokens(tokenizer(policyDir)), seed);
        } catch (IOException | RuntimeException e) {
            backbone.close();
            throw e;
        }
    }

    /** Loads a GPT reward-model checkpoint ({@link RewardModel#load} checks what the folder holds). */
    static GptRewardModel load(Path dir, Device device) throws IOException {
        Tokenizer tok = tokenizer(dir);
        float[] w;
        float b;
        try (NDManager scratch = NDManager.newBaseManager(Devices.host())) {
            RewardHead head = RewardHead.read(dir, scratch);
            w = head.weight();
            b = head.bias();
        }
        GptModel backbone = dev.pairwise.policy.checkpoint.Checkpoints.loadModel(dir, device);
        return new GptRewardModel(backbone, new ChatTokens(tok), w, b);
    }

    private static Tokenizer tokenizer(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve("tokenizer.json"))) {
            throw new NoSuchFileException(dir.resolve("tokenizer.json").toString(), null,
                    "checkpoint has no tokenizer");
        }
        return Tokenizers.load(dir);
    }

    @Override
    public String backboneName() {
        return BACKBONE;
    }

    /** Backbone parameters and the head ({@code score.weight}, {@code score.bias}); all trainable. */
    @Override
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    @Override
    public Device device() {
        return backbone.device();
    }

    public ChatTokens chat() {
        return chat;
    }

    public GptModel backbone() {
        return backbone;
    }

    @Override
    public int contextLength() {
        return backbone.config().contextLength();
    }

    /**
     * Rewards {@code [N]} of token sequences, read at each one's last token; arrays live in
     * {@code sm}. Records a graph when called inside a gradient collector.
     */
    @Override
    public NDArray rewards(NDManager sm, List<int[]> sequences) {
        int n = sequences.size();
        int t = sequences.stream().mapToInt(s -> s.length).max().orElseThrow();
        int[] tokens = new int[n * t];
        java.util.Arrays.fill(tokens, chat.padId());
        long[] last = new long[n];
        for (int i = 0; i < n; i++) {
            int[] s = sequences.get(i);
            if (s.length == 0) {
                throw new IllegalArgumentException("empty sequence " + i);
            }
            System.arraycopy(s, 0, tokens, i * t, s.length);
            last[i] = s.length - 1;
        }
        NDArray hidden = backbone.forwardHidden(NativeArrays.of(sm, tokens, new Shape(n, t)));
        NDArray perPosition = hidden.matMul(headW).add(headB);
        return perPosition.gather(NativeArrays.of(sm, last, new Shape(n, 1)), 1).squeeze(1);
    }

    /**
     * The chat template's prompt then response (ending in {@code <|end|>}, where the head reads),
     * the prompt cut from the left to fit ({@link ChatTokens#fit}).
     */
    @Override
    public Sequence encode(List<Turn> prompt, String response, int maxLength) {
        ChatTokens.Fitted f = ChatTokens.fit(chat.prompt(prompt), chat.response(response),
                Math.min(maxLength, contextLength()), 1);
        return new Sequence(f.joined(), f.truncated());
    }

    /** Saves backbone, tokenizer, head, and the given trainer state and optimizer moments. */
    @Override
    public void save(Path dir, Map<String, NDArray> optimizerState, long optimizerStep, ObjectNode state)
            throws IOException {
        state.put("kind", KIND);
        state.put("backbone", BACKBONE);
        Map<String, NDArray> head = new LinkedHashMap<>();
        head.put("score.weight", headW);
        head.put("score.bias", headB);
        AlignCheckpoints.save(dir, backbone, chat.tokenizer(), optimizerState, optimizerStep, state,
                Map.of(AlignCheckpoints.REWARD_HEAD, head));
    }

    @Override
    public void close() {
        manager.close();
        backbone.close();
    }
}
