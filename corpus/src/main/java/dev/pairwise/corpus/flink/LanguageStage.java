package dev.pairwise.corpus.flink;

import dev.pairwise.corpus.lang.LanguageIdentifier;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Keeps documents whose most likely language is wanted, with at least the given confidence. */
final class LanguageStage extends ProcessFunction<Doc, Doc> {

    private static final long serialVersionUID = 1L;
    static final String NAME = "language";

    private final List<String> keep;
    private final double minConfidence;
    private final boolean highAccuracy;
    private final int examplesLimit;
    private transient LanguageIdentifier identifier;
    private transient LongCounter removed;
    private transient CountMap histogram;
    private transient Examples examples;

    LanguageStage(List<String> keep, double minConfidence, boolean highAccuracy, int examplesLimit) {
        this.highAccuracy = highAccuracy;
        this.keep = List.copyOf(keep);
        this.minConfidence = minConfidence;
        this.examplesLimit = examplesLimit;
    }

    @Override
    public void open(OpenContext context) {
        identifier = LanguageIdentifier.shared(!highAccuracy);
        removed = getRuntimeContext().getLongCounter(Counters.LANGUAGE_REMOVED);
        histogram = Accumulators.countMap(getRuntimeContext(), Counters.LANGUAGES);
        examples = Accumulators.examples(getRuntimeContext(), NAME, examplesLimit);
    }

    @Override
    public void processElement(Doc doc, Context context, Collector<Doc> out) {
        LanguageIdentifier.Guess guess = identifier.identify(doc.text);
        doc.lang = guess.language();
        doc.langConfidence = guess.confidence();
        histogram.add(guess.language());
        if (keep.contains(guess.language()) && guess.confidence() >= minConfidence) {
            out.collect(doc);
        } else {
            removed.add(1L);
            examples.add(Example.of(doc, String.format(Locale.ROOT, "%s (confidence %.2f)",
                    guess.language(), guess.confidence())));
        }
    }
}
