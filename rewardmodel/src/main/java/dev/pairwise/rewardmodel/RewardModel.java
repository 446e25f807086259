package dev.pairwise.rewardmodel;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.pairwise.policy.align.AlignCheckpoints;
import dev.pairwise.policy.align.RewardFunction;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.align.ChatTokens;
import dev.pairwise.policy.model.NoGrad;
import dev.pairwise.rewardmodel.bert.MiniLm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Bradley–Terry reward model (Ouyang et al. 2022, §3.5): a backbone and a scalar head over
 * prompt + response, trained by {@link RewardTrainer}. Two backbones: the policy's GPT
 * ({@link GptRewardModel}, head at the last token) and the pretrained BERT all-MiniLM-L6-v2
 * ({@link BertRewardModel}, head on the mean-pooled state). It takes text, so PPO scores its
 * samples with it whatever tokenizer the policy has.
 */
public interface RewardModel extends RewardFunction, AutoCloseable {

    /** Responses scored per forward pass by {@link #score}. */
    int SCORE_BATCH = 16;

    /** The backbone's name in checkpoints, job settings and on the command line. */
    String backboneName();

    /** One prompt + response as the backbone reads it. */
    record Sequence(int[] tokens, boolean truncated) {
    }

    /** Prompt + response as token ids within {@code maxLength}, keeping the end of the dialogue. */
    Sequence encode(List<Turn> prompt, String response, int maxLength);

    /** The longest sequence it reads; {@link #score} fits every input into it. */
    int contextLength();

    /**
     * Rewards {@code [N]} of sequences made by {@link #encode}; arrays live in {@code sm}. Records
     * a graph when called inside a gradient collector.
     */
    NDArray rewards(NDManager sm, List<int[]> sequences);

    /** The parameters training updates (backbone and head), by name. */
    Map<String, NDArray> parameters();

    Device device();

    /** Saves the model with the given trainer state and optimizer moments (a reward checkpoint). */
    void save(Path dir, Map<String, NDArray> optimizerState, long optimizerStep, ObjectNode state) throws IOException;

    /**
     * Scores the responses as given, shortest first in batches of {@link #SCORE_BATCH} (less
     * padding); sampled text should pass {@link ChatTokens#cleanResponse} first.
     */
    @Override
    default float[] score(List<List<Turn>> prompts, List<String> responses) {
        if (prompts.size() != responses.size()) {
            throw new IllegalArgumentException("prompts and responses differ in count");
        }
        List<int[]> seqs = new ArrayList<>(responses.size());
        for (int i = 0; i < responses.size(); i++) {
            seqs.add(encode(prompts.get(i), responses.get(i), contextLength()).tokens());
        }
        int[] order = IntStream.range(0, seqs.size()).boxed()
                .sorted(Comparator.comparingInt(i -> seqs.get(i).length)).mapToInt(Integer::intValue).toArray();
        float[] out = new float[seqs.size()];
        try (NoGrad off = NoGrad.enter(); NDManager manager = NDManager.newBaseManager(device())) {
            for (int from = 0; from < order.length; from += SCORE_BATCH) {
                int to = Math.min(from + SCORE_BATCH, order.length);
                try (NDManager sm = manager.newSubManager()) {
                    List<int[]> batch = new ArrayList<>();
                    for (int i = from; i < to; i++) {
                        batch.add(seqs.get(order[i]));
                    }
                    float[] r = rewards(sm, batch).toFloatArray();
                    for (int i = from; i < to; i++) {
                        out[order[i]] = r[i - from];
                    }
                }
            }
        }
        return out;
    }

    @Override
    void close();

    /**
     * Loads a reward-model checkpoint of either backbone (the one its {@code trainer_state.json}
     * names; checkpoints from before the choice existed are GPT ones).
     *
     * @throws IllegalArgumentException if {@code dir} holds a policy rather than a reward model
     */
    static RewardModel load(Path dir, Device device) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "checkpoint folder not found");
        }
        if (!AlignCheckpoints.isRewardModel(dir)) {
            throw new IllegalArgumentException(dir + " is a policy checkpoint, but a reward-model checkpoint is "
                    + "expected here (train one with train-rm)");
        }
        JsonNode state = AlignCheckpoints.state(dir);
        String backbone = state.has("backbone") ? state.get("backbone").asString() : GptRewardModel.BACKBONE;
        return switch (backbone) {
            case GptRewardModel.BACKBONE -> GptRewardModel.load(dir, device);
            case MiniLm.NAME -> BertRewardModel.load(dir, device);
            default -> throw new IllegalArgumentException(dir + ": unknown reward-model backbone '" + backbone + "'");
        };
    }

    /** A GPT reward model whose backbone is the policy checkpoint {@code policyDir}; see {@link GptRewardModel#initFrom}. */
    static RewardModel initFrom(Path policyDir, Device device, long seed) throws IOException {
        return GptRewardModel.initFrom(policyDir, device, seed);
    }

    /** A fresh head on a GPT backbone (taken over); see {@link GptRewardModel#fresh}. */
    static RewardModel fresh(GptModel backbone, ChatTokens chat, long seed) {
        return GptRewardModel.fresh(backbone, chat, seed);
    }
}
