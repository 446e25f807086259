package dev.pairwise.app.cli;

import ai.djl.Device;
import dev.pairwise.policy.align.AlignListener;
import dev.pairwise.policy.data.pairs.PreferencePair;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.policy.io.Json;
import dev.pairwise.policy.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;

/**
 * What the alignment commands (sft, train-rm, eval-rm, dpo, ppo) share: {@code --device}, a JSON
 * line of metrics per step on stderr, the result as one JSON line on stdout, and a note about
 * characters outside the tokenizer's vocabulary.
 */
abstract class AlignStage extends StageCommand {

    @Mixin
    DeviceOption deviceOption;

    /** The device chosen by {@code --device}, announced on stderr. */
    Device device() {
        Device device = deviceOption.resolve();
        err().println(DjlRuntime.describe(device));
        return device;
    }

    /** Prints {@code {"step", "total", "metrics"}} for every step. */
    AlignListener progress() {
        return (step, total, metrics) -> err().println(Json.compact(Map.of("step", step, "total", total,
                "metrics", metrics)));
    }

    /** The result line. */
    void result(Object result) {
        out().println(Json.compact(result));
    }

    /** Says on stderr how many records have characters the tokenizer does not know; returns the count. */
    UnknownCharacters noteUnknown(Tokenizer tokenizer, List<List<String>> recordTexts, String what) {
        UnknownCharacters unknown = UnknownCharacters.count(tokenizer, recordTexts);
        String note = unknown.note(what);
        if (!note.isEmpty()) {
            err().println(spec.name() + ": " + note);
        }
        return unknown;
    }

    /** The texts of a pair: its prompt's turns, the chosen and the rejected response. */
    static List<String> texts(PreferencePair p) {
        List<String> texts = new ArrayList<>(turns(p.prompt()));
        texts.add(p.chosen());
        texts.add(p.rejected());
        return texts;
    }

    /** The texts of a prompt's turns. */
    static List<String> turns(List<Turn> prompt) {
        return prompt.stream().map(Turn::content).toList();
    }
}
