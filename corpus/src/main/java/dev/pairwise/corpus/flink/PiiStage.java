package dev.pairwise.corpus.flink;

import dev.pairwise.corpus.text.PiiScrubber;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** Replaces personal data in kept documents; counts replacements and documents touched. */
final class PiiStage extends RichMapFunction<Doc, Doc> {

    private static final long serialVersionUID = 1L;
    private transient LongCounter replaced;
    private transient LongCounter documents;

    @Override
    public void open(OpenContext context) {
        replaced = getRuntimeContext().getLongCounter(Counters.PII_REPLACED);
        documents = getRuntimeContext().getLongCounter(Counters.PII_DOCS);
    }

    @Override
    public Doc map(Doc doc) {
        PiiScrubber.Result result = PiiScrubber.scrub(doc.text);
        if (result.replaced() > 0) {
            replaced.add((long) result.replaced());
            documents.add(1L);
            doc.text = result.text();
        }
        return doc;
    }
}
