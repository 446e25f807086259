package dev.pairwise.corpus.flink;

import dev.pairwise.corpus.lang.LanguageIdentifier;
import dev.pairwise.corpus.quality.QualityRules;
import dev.pairwise.corpus.quality.QualityThresholds;
import java.util.Optional;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Drops documents that break a Gopher/C4 rule, counting each removal under the first rule broken. */
final class QualityStage extends ProcessFunction<Doc, Doc> {

    private static final long serialVersionUID = 1L;
    static final String NAME = "quality";

    private final QualityThresholds thresholds;
    private final int examplesLimit;
    private transient QualityRules rules;
    private transient LongCounter removed;
    private transient CountMap byRule;
    private transient Examples examples;

    QualityStage(QualityThresholds thresholds, int examplesLimit) {
        this.thresholds = thresholds;
        this.examplesLimit = examplesLimit;
    }

    @Override
    public void open(OpenContext context) {
        rules = new QualityRules(thresholds);
        removed = getRuntimeContext().getLongCounter(Counters.QUALITY_REMOVED);
        byRule = Accumulators.countMap(getRuntimeContext(), Counters.QUALITY_RULES);
        examples = Accumulators.examples(getRuntimeContext(), NAME, examplesLimit);
    }

    @Override
    public void processElement(Doc doc, Context context, Collector<Doc> out) {
        // Gopher's stop words are English: they judge English documents and those of unknown language
        boolean english = doc.lang.isEmpty() || doc.lang.equals("en") || doc.lang.equals(LanguageIdentifier.UNKNOWN);
        Optional<String> failure = rules.firstFailure(doc.text, english);
        if (failure.isEmpty()) {
            out.collect(doc);
            return;
        }
        removed.add(1L);
        byRule.add(failure.get());
        examples.add(Example.of(doc, failure.get()));
    }
}
