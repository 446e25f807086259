package dev.pairwise.app.training;

import dev.pairwise.app.corpora.CorpusStore;
import dev.pairwise.app.jobs.JobContext;
import dev.pairwise.app.jobs.ExecutorBase;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.policy.tokenizer.BpeTrainer;
import dev.pairwise.policy.tokenizer.CharTokenizer;
import dev.pairwise.policy.tokenizer.Tokenizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * TOKENIZER: a byte-level BPE (Sennrich et al. 2016; GPT-2's byte-level variant) or the
 * char-level baseline on an uploaded corpus; the checkpoint is the folder holding
 * {@code tokenizer.json}, which PRETRAIN reads as its {@code tokenizerCheckpoint}.
 */
@Component
class TokenizerExecutor extends ExecutorBase {

    static final List<ConfigField> FIELDS = List.of(
            ConfigField.corpus("corpus", "Corpus", "The uploaded text the vocabulary is learned from."),
            ConfigField.choice("algorithm", "Algorithm", List.of("bpe", "char"),
                    "bpe: byte-level BPE as GPT-2, encodes any text; char: one id per character of the corpus (the nanoGPT baseline)."),
            ConfigField.integer("vocabSize", "Vocabulary size", 512, BpeTrainer.MIN_VOCAB, BpeTrainer.MAX_VOCAB,
                    "BPE only: 256 bytes plus merges (4 special tokens come on top); 512 learns in under a second on a small corpus, GPT-2 uses 50257."));

    private final CorpusStore corpora;

    TokenizerExecutor(CorpusStore corpora) {
        super(JobType.TOKENIZER, FIELDS, false);
        this.corpora = corpora;
    }

    @Override
    public List<Long> prepare(JobSettings s) {
        corpora.resolve("config.corpus", s.text("corpus"));
        return List.of();
    }

    @Override
    public void run(JobContext ctx) throws Exception {
        JobSettings s = ctx.settings();
        List<String> texts = corpora.texts("config.corpus", s.text("corpus"));
        long bytes = texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
        ctx.progress(0, 1);
        ctx.log("training a " + s.choice("algorithm") + " tokenizer on " + texts.size() + " documents, " + bytes + " bytes");
        long start = System.nanoTime();
        Tokenizer tokenizer = s.choice("algorithm").equals("char") ? CharTokenizer.train(texts)
                : BpeTrainer.train(texts, s.integer("vocabSize"));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (ctx.isCancelled()) {
            return;
        }
        long tokens = 0;
        for (String t : texts) {
            tokens += tokenizer.encode(t).length;
        }
        Path dir = ctx.checkpointDir().resolve("tokenizer");
        tokenizer.save(dir);
        ctx.progress(1, 1);
        Map<String, Number> headline = new LinkedHashMap<>();
        headline.put("vocab_size", (long) tokenizer.vocabSize());
        headline.put("bytes_per_token", tokens == 0 ? Double.NaN : (double) bytes / tokens);
        headline.put("corpus_tokens", tokens);
        headline.put("seconds", seconds);
        ctx.metric("vocab_size", tokenizer.vocabSize());
        if (tokens > 0) {
            ctx.metric("bytes_per_token", (double) bytes / tokens);
        }
        ctx.log("vocabulary " + tokenizer.vocabSize() + ", " + tokens + " tokens in the corpus, "
                + String.format(java.util.Locale.ROOT, "%.3f", seconds) + " s");
        ctx.publish(CheckpointKind.TOKENIZER, dir, null, JsonSupport.metrics(headline));
    }
}
