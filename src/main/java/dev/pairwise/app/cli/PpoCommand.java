package dev.pairwise.app.cli;

import ai.djl.Device;
import dev.pairwise.policy.align.AlignCheckpoints;
import dev.pairwise.policy.align.ChatTokens;
import dev.pairwise.policy.align.Optim;
import dev.pairwise.policy.data.pairs.SftReader;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.ppo.PpoConfig;
import dev.pairwise.policy.ppo.PpoResult;
import dev.pairwise.policy.ppo.PpoTrainer;
import dev.pairwise.policy.tokenizer.Tokenizer;
import dev.pairwise.policy.tokenizer.Tokenizers;
import dev.pairwise.rewardmodel.RewardModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ppo}: PPO of a policy against a reward model, with a KL penalty to the frozen start. */
@Command(name = "ppo", description = {
        "PPO of a policy against a reward model, with a KL penalty.",
        "The KL is to the frozen start, its coefficient adaptive unless --fixed-kl; saves the new policy."})
final class PpoCommand extends AlignStage {

    private static final PpoConfig DEFAULTS = PpoConfig.defaults();

    @Option(names = "--policy", required = true, paramLabel = "DIR",
            description = "Policy checkpoint (usually SFT): the start and the frozen reference.")
    Path policy;

    @Option(names = "--reward-model", required = true, paramLabel = "DIR",
            description = "Reward-model checkpoint (train-rm) that scores the responses.")
    Path rewardModel;

    @Option(names = "--prompts", required = true, paramLabel = "FILE",
            description = "Prompts, JSONL: {prompt} or {messages} ending with the user's turn.")
    Path prompts;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the new policy.")
    Path outDir;

    @Option(names = "--iterations", paramLabel = "N", description = "Rounds of sampling and PPO updates.")
    int iterations = DEFAULTS.iterations();

    @Option(names = "--lr", paramLabel = "LR", description = "Learning rate of policy and value head.")
    double lr = DEFAULTS.optim().lr();

    @Option(names = "--rollout-batch", paramLabel = "N", description = "Responses sampled per round.")
    int rolloutBatch = DEFAULTS.rolloutBatch();

    @Option(names = "--mini-batch", paramLabel = "N", description = "Responses per PPO update.")
    int miniBatch = DEFAULTS.miniBatch();

    @Option(names = "--max-new", paramLabel = "N", description = "Tokens per response at most.")
    int maxNew = DEFAULTS.maxNewTokens();

    @Option(names = "--fixed-kl", paramLabel = "BETA",
            description = "A fixed KL coefficient instead of the adaptive controller (off when not given).")
    @Nullable Double fixedKl;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of sampling and shuffles.")
    int seed = (int) DEFAULTS.seed();

    @Override
    public Integer call() throws IOException {
        boolean fixed = fixedKl != null;
        PpoConfig d = DEFAULTS;
        PpoConfig config = new PpoConfig(iterations, rolloutBatch, miniBatch, d.ppoEpochs(), maxNew, d.temperature(),
                Optim.of(lr), d.clipRange(), d.valueClipRange(), d.vfCoef(), d.gamma(), d.lambda(),
                d.whitenAdvantages(), !fixed, fixed ? fixedKl : d.initKl(), d.targetKl(), d.klHorizon(), seed);
        List<List<Turn>> read = SftReader.readPrompts(prompts);
        Device device = device();
        try (RewardModel rm = RewardModel.load(rewardModel, device);
                GptModel start = AlignCheckpoints.loadPolicy(policy, device);
                GptModel reference = AlignCheckpoints.loadPolicy(policy, device)) {
            Tokenizer tokenizer = Tokenizers.load(policy);
            noteUnknown(tokenizer, read.stream().map(AlignStage::turns).toList(), "prompts");
            try (PpoTrainer t = new PpoTrainer(start, reference, new ChatTokens(tokenizer), rm, read, config)) {
                PpoResult r = t.run(progress(), () -> false);
                t.save(outDir);
                result(r);
            }
        }
        return 0;
    }
}
