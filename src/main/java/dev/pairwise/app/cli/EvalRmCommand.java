package dev.pairwise.app.cli;

import dev.pairwise.policy.data.pairs.PairReader;
import dev.pairwise.policy.data.pairs.PreferencePair;
import dev.pairwise.policy.data.pairs.ReadReport;
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
        "A reward model's accuracy and rewards on preference pairs, as JSON.",
        "Ties count half. Characters outside the vocabulary read as its unknown-character id, and are counted."})
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
            UnknownCharacters unknown = noteUnknown(rm.chat().tokenizer(),
                    pairs.stream().map(AlignStage::texts).toList(), "pairs");
            float[] chosen = rm.score(pairs.stream().map(PreferencePair::prompt).toList(),
                    pairs.stream().map(PreferencePair::chosen).toList());
            float[] rejected = rm.score(pairs.stream().map(PreferencePair::prompt).toList(),
                    pairs.stream().map(PreferencePair::rejected).toList());
            Map<String, Object> out = new LinkedHashMap<>(RewardMetrics.of(chosen, rejected).asMap());
            out.put("skipped_identical", read.skippedIdentical());
            out.put("skipped_empty", read.skippedEmpty());
            out.put("pairs_with_unknown_characters", unknown.records());
            out.put("unknown_characters", unknown.characters());
            result(out);
        }
        return 0;
    }
}
