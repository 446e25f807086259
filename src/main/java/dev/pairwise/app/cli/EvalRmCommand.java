package dev.pairwise.app.cli;

import dev.pairwise.policy.data.pairs.PairReader;
import dev.pairwise.policy.data.pairs.PreferencePair;
import dev.pairwise.policy.data.pairs.ReadReport;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.rewardmodel.GptRewardModel;
import dev.pairwise.rewardmodel.RewardMetrics;
import dev.pairwise.rewardmodel.RewardModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eval-rm}: a reward model's accuracy on preference pairs it may never have seen. */
@Command(name = "eval-rm", description = {
        "A reward model's accuracy (with its 95%% interval) and rewards on preference pairs, as JSON,",
        "beside the baseline 'the longer response wins' on the same pairs. Ties count half.",
        "GPT backbones: characters outside the vocabulary read as its unknown-character id, and are counted."})
final class EvalRmCommand extends AlignStage {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Reward-model checkpoint (train-rm).")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Preference pairs, JSONL or JSONL.gz: HH-RLHF {chosen, rejected} or TRL {prompt, chosen, "
                    + "rejected}.")
    Path data;

    @Override
    public Integer call() throws IOException {
        ReadReport<PreferencePair> read = PairReader.read(data);
        try (RewardModel rm = RewardModel.load(model, device())) {
            List<PreferencePair> pairs = read.records();
            UnknownCharacters unknown = rm instanceof GptRewardModel g
                    ? noteUnknown(g.chat().tokenizer(), pairs.stream().map(AlignStage::texts).toList(), "pairs")
                    : null;
            long t0 = System.nanoTime();
            List<List<Turn>> prompts = pairs.stream().map(PreferencePair::prompt).toList();
            float[] chosen = rm.score(prompts, pairs.stream().map(PreferencePair::chosen).toList());
            float[] rejected = rm.score(prompts, pairs.stream().map(PreferencePair::rejected).toList());
            RewardMetrics metrics = RewardMetrics.of(chosen, rejected);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("accuracy", metrics.accuracy());
            out.put("pairs", metrics.pairs());
            double[] ci = metrics.ci95();
            out.put("ci95_low", ci[0]);
            out.put("ci95_high", ci[1]);
            out.put("longer_wins_accuracy", longerWins(pairs).accuracy());
            metrics.asMap().forEach(out::putIfAbsent);
            out.put("backbone", rm.backboneName());
            out.put("seconds", Math.round((System.nanoTime() - t0) / 1e9));
            out.put("skipped_identical", read.skippedIdentical());
            out.put("skipped_empty", read.skippedEmpty());
            if (unknown != null) {
                out.put("pairs_with_unknown_characters", unknown.records());
                out.put("unknown_characters", unknown.characters());
            }
            result(out);
        }
        return 0;
    }

    /** "The longer response wins" (characters; ties half) on the same pairs. */
    private static RewardMetrics longerWins(List<PreferencePair> pairs) {
        float[] c = new float[pairs.size()];
        float[] r = new float[pairs.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = pairs.get(i).chosen().length();
            r[i] = pairs.get(i).rejected().length();
        }
        return RewardMetrics.of(c, r);
    }
}
