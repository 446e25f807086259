package dev.pairwise.rewardmodel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.pairwise.policy.align.AlignCheckpoints;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The scalar head of a saved reward model, as both backbones store it: {@code score.weight} and
 * {@code score.bias} in {@link AlignCheckpoints#REWARD_HEAD}.
 *
 * @param weight one weight per hidden unit of the backbone's pooled state
 * @param bias   the bias
 */
record RewardHead(float[] weight, float bias) {

    /** Reads the head of the checkpoint in {@code dir}; {@code scratch} holds the arrays while read. */
    static RewardHead read(Path dir, NDManager scratch) throws IOException {
        Map<String, NDArray> head = AlignCheckpoints.tensors(dir, AlignCheckpoints.REWARD_HEAD, scratch);
        if (!head.containsKey("score.weight") || !head.containsKey("score.bias")) {
            throw new IllegalArgumentException(dir.resolve(AlignCheckpoints.REWARD_HEAD)
                    + " lacks score.weight or score.bias");
        }
        return new RewardHead(head.get("score.weight").toFloatArray(), head.get("score.bias").toFloatArray()[0]);
    }
}
