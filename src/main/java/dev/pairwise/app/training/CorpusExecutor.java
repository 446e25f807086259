package dev.pairwise.app.training;

import dev.pairwise.app.corpora.CorpusStore;
import dev.pairwise.app.jobs.JobContext;
import dev.pairwise.app.jobs.ExecutorBase;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.corpus.CleanConfig;
import dev.pairwise.corpus.CleanReport;
import dev.pairwise.corpus.CorpusCleaner;
import dev.pairwise.corpus.Engine;
import dev.pairwise.corpus.quality.QualityThresholds;
import dev.pairwise.labeling.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * CORPUS: cleans an uploaded corpus on the embedded Flink engine (the same job as
 * {@code clean-corpus}) and stores the result in the corpus store as
 * {@code <name>-clean-job<id>.jsonl}, with its report and lineage beside it, so TOKENIZER and
 * PRETRAIN jobs can pick it like an upload. Progress is the share of the input read.
 */
@Component
class CorpusExecutor extends ExecutorBase {

    static final List<ConfigField> FIELDS = List.of(
            ConfigField.corpus("corpus", "Corpus", "The uploaded text to clean (.jsonl with text, or .txt: one document per paragraph)."),
            new ConfigField("languages", "Languages", ConfigField.Kind.TEXT, "\"en\"", null, null, List.of(), false,
                    "ISO 639-1 codes to keep, comma-separated (Lingua, 75 languages); \"all\" keeps every language (no language stage)."),
            ConfigField.number("nearDupThreshold", "Near-duplicate threshold", 0.8, 0.5, 0.99,
                    "Jaccard similarity of 5-word shingles that makes two documents near duplicates (MinHash + LSH)."),
            new ConfigField("quality", "Quality rules", ConfigField.Kind.BOOLEAN, "true", null, null, List.of(), false,
                    "Gopher/C4 heuristics: length, word length, symbols, digits, punctuation, repetition, stop words."),
            ConfigField.integer("minWords", "Minimum words", 50, 1, 100_000,
                    "Gopher's shortest document; lower it for corpora of short paragraphs (Tiny Shakespeare: 20)."),
            new ConfigField("pii", "Scrub personal data", ConfigField.Kind.BOOLEAN, "true", null, null, List.of(), false,
                    "Replace e-mail addresses, phone numbers and IP addresses with placeholders."),
            ConfigField.checkpoint("perplexityCheckpoint", "Perplexity model", List.of(CheckpointKind.BASE,
                    CheckpointKind.SFT, CheckpointKind.POLICY), false,
                    "Optional: a GPT that scores each document's perplexity (CCNet); the score is kept on every document."),
            ConfigField.number("perplexityKeepPercentile", "Keep percentile", 90, 1, 100,
                    "With a perplexity model: keep documents below this percentile of perplexity (100 keeps all, scored)."));

    private final Inputs inputs;
    private final CorpusStore corpora;

    CorpusExecutor(Inputs inputs) {
        super(JobType.CORPUS, FIELDS, false);
        this.inputs = inputs;
        this.corpora = inputs.corpora();
    }

    @Override
    public List<Long> prepare(JobSettings s) {
        corpora.resolve("config.corpus", s.text("corpus"));
        languages(s);
        return List.of();
    }

    private static List<String> languages(JobSettings s) {
        String text = s.text("languages");
        List<String> langs = text.strip().equalsIgnoreCase("all") ? List.of() : Arrays.stream(text.split(","))
                .map(l -> l.strip().toLowerCase(Locale.ROOT)).filter(l -> !l.isEmpty()).toList();
        for (String l : langs) {
            if (!l.matches("[a-z]{2}")) {
                throw new InvalidInputException("config.languages", "Languages are ISO 639-1 codes such as en or de, was \"" + l + "\"");
            }
        }
        return langs;
    }

    @Override
    public void run(JobContext ctx) throws Exception {
        JobSettings s = ctx.settings();
        String source = s.text("corpus");
        Path input = corpora.resolve("config.corpus", source);
        long inputBytes = Math.max(1, Files.size(input));
        Path work = ctx.checkpointDir().resolve("clean");
        Long checkpointId = s.id("perplexityCheckpoint");
        CleanConfig config = CleanConfig.defaults(List.of(input.toString()), work.toString())
                .withLanguages(languages(s), 0.5, false)
                .withDedup(true, true, s.number("nearDupThreshold"), 128, 5)
                .withQuality(s.flag("quality"), QualityThresholds.DEFAULTS.with("min_words", Integer.toString(s.integer("minWords"))))
                .withPerplexity(checkpointId == null ? null : inputs.folder(checkpointId).toString(),
                        s.number("perplexityKeepPercentile"), 1024)
                .withPii(s.flag("pii"));
        ctx.progress(0, 100);
        ctx.log("cleaning " + source + " on Flink (embedded, parallelism 2)");
        CleanReport report = CorpusCleaner.run(config, new Engine.Embedded(2),
                (docs, chars) -> ctx.progress(Math.min(99, 100 * chars / inputBytes), 100), ctx::isCancelled);
        String name = CorpusStore.cleanedName(source, ctx.jobId());
        corpora.register(name, work.resolve("clean.jsonl"), source, ctx.jobId(), report.toJson());
        for (CleanReport.Stage stage : report.stages()) {
            ctx.log(stage.name() + ": removed " + stage.removed());
        }
        ctx.progress(100, 100);
        ctx.metric("docs_in", report.docsIn());
        ctx.metric("docs_out", report.docsOut());
        ctx.metric("exact_duplicates", report.exactDuplicates());
        ctx.metric("near_duplicates", report.nearDuplicates());
        ctx.metric("language_removed", report.languageRemoved());
        ctx.metric("quality_removed", report.qualityRemoved());
        ctx.metric("perplexity_removed", report.perplexityRemoved());
        ctx.metric("pii_replaced", report.piiReplaced());
        ctx.log(report.summaryLine());
        ctx.log("stored the cleaned corpus as " + name + " (report: corpus store .reports/" + name + ".json)");
    }
}
