package dev.pairwise.app.cli;

import ai.djl.Device;
import dev.pairwise.loopdemo.HhRewardDemo;
import dev.pairwise.policy.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hh-reward-demo}: the reward model on HH-RLHF, from a backbone pretrained on the training dialogues. */
@Command(name = "hh-reward-demo", description = {
        "A small reward model on HH-RLHF, with its held-out accuracy.",
        "Pairs split 90/10; a char-level GPT pretrained on the training dialogues, then Bradley-Terry."})
final class HhRewardDemoCommand extends StageCommand {

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "FILE",
            description = "HH-RLHF files (JSONL or JSONL.gz), pooled before the split.")
    List<Path> data;

    @Option(names = "--pretrain-iters", paramLabel = "N", description = "Pretraining steps of the backbone.")
    int pretrainIters = 300;

    @Option(names = "--epochs", paramLabel = "N", description = "Reward-model passes over the training judgments.")
    int epochs = 1;

    @Option(names = "--context", paramLabel = "N",
            description = "Characters the backbone sees (dialogues are cut from the left).")
    int context = 128;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the split, the models and the shuffles.")
    long seed = 1;

    @Mixin
    DeviceOption deviceOption;

    @Override
    public Integer call() throws IOException {
        Device device = deviceOption.resolve();
        err().println(DjlRuntime.describe(device));
        long t0 = System.nanoTime();
        HhRewardDemo.Result r = HhRewardDemo.run(data, pretrainIters, epochs, context, seed, device, err()::println);
        err().printf(Locale.ROOT, "%.0f s%n", (System.nanoTime() - t0) / 1e9);
        out().println(Json.compact(r));
        return 0;
    }
}
