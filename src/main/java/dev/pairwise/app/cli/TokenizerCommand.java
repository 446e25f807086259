package dev.pairwise.app.cli;

import dev.pairwise.policy.tokenizer.BpeTrainer;
import dev.pairwise.policy.tokenizer.CharTokenizer;
import dev.pairwise.policy.tokenizer.Corpus;
import dev.pairwise.policy.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tokenizer}: the first stage of the pipeline (nanochat's {@code tok_train}). Trains a
 * byte-level BPE (or, with {@code --char}, the char-level vocabulary of the nanoGPT baseline) on
 * {@code .txt}/{@code .jsonl} files, saves {@code DIR/tokenizer.json}, and prints one JSON line:
 * vocabulary size, training seconds, tokens in the corpus and bytes per token.
 */
@Command(name = "tokenizer", description = {
        "Trains a byte-level BPE or char-level tokenizer; saves tokenizer.json.",
        "Trains on .txt/.jsonl files and prints one JSON line: vocabulary size, seconds, tokens, bytes per token."})
final class TokenizerCommand extends StageCommand {

    @Option(names = "--corpus", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Text: a .txt file is one document, a .jsonl file one per line ({text} or {prompt, "
                    + "completion}).")
    List<Path> corpus;

    @Option(names = "--vocab", paramLabel = "N",
            description = "BPE vocabulary size, " + BpeTrainer.MIN_VOCAB + ".." + BpeTrainer.MAX_VOCAB
                    + " (256 bytes + merges; 4 special tokens are added). Required without --char.")
    @Nullable Integer vocab;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for tokenizer.json.")
    Path outDir;

    @Option(names = "--char", description = "Char-level instead: the corpus's distinct characters, the special "
            + "tokens and <|unk|> for any other character.")
    boolean charLevel;

    @Override
    public Integer call() throws IOException {
        if (charLevel && vocab != null) {
            throw usage("--vocab does not apply with --char (the vocabulary is the corpus's characters)");
        }
        if (!charLevel && vocab == null) {
            throw usage("Missing required option: '--vocab=N' (or give --char)");
        }
        if (vocab != null && (vocab < BpeTrainer.MIN_VOCAB || vocab > BpeTrainer.MAX_VOCAB)) {
            throw usage("--vocab must be in " + BpeTrainer.MIN_VOCAB + ".." + BpeTrainer.MAX_VOCAB
                    + " (bytes + merges; 4 special tokens are added), was " + vocab);
        }
        List<String> documents = Corpus.read(corpus);
        long bytes = documents.stream().mapToLong(d -> d.getBytes(StandardCharsets.UTF_8).length).sum();
        if (bytes == 0) {
            throw new IllegalArgumentException("corpus is empty: " + corpus);
        }
        long start = System.nanoTime();
        Tokenizer tokenizer = vocab == null ? CharTokenizer.train(documents) : BpeTrainer.train(documents, vocab);
        double seconds = (System.nanoTime() - start) / 1e9;
        try {
            tokenizer.save(outDir);
        } catch (IOException e) {
            throw new IOException("cannot write " + outDir + ": " + e.getMessage(), e);
        }
        long encodeStart = System.nanoTime();
        long tokens = 0;
        for (String document : documents) {
            tokens += tokenizer.encode(document).length;
        }
        double encodeSeconds = (System.nanoTime() - encodeStart) / 1e9;
        out().println(String.format(Locale.ROOT,
                "{\"kind\":\"%s\",\"vocab_size\":%d,\"seconds\":%.3f,\"corpus_bytes\":%d,\"tokens\":%d,"
                        + "\"bytes_per_token\":%.4f,\"encode_mb_per_s\":%.2f,\"out\":\"%s\"}",
                charLevel ? "char" : "bpe", tokenizer.vocabSize(), seconds, bytes, tokens,
                tokens == 0 ? 0.0 : (double) bytes / tokens, bytes / 1e6 / Math.max(encodeSeconds, 1e-9),
                jsonEscape(outDir.resolve("tokenizer.json").toString())));
        return 0;
    }

    private static String jsonEscape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
