package dev.pairwise.policy.cli;

import dev.pairwise.policy.tokenizer.BpeTrainer;
import dev.pairwise.policy.tokenizer.CharTokenizer;
import dev.pairwise.policy.tokenizer.Corpus;
import dev.pairwise.policy.tokenizer.Tokenizer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code tokenizer --corpus FILE... --vocab N --out DIR [--char]}: the first stage of the pipeline
 * (nanochat's {@code tok_train}). Trains a byte-level BPE (or, with {@code --char}, the char-level
 * vocabulary of the nanoGPT baseline) on {@code .txt}/{@code .jsonl} files, saves
 * {@code DIR/tokenizer.json}, and prints one JSON line: vocabulary size, training seconds, tokens
 * in the corpus and bytes per token.
 *
 * <p>Exit codes: 0 done; 2 bad arguments or input (message on stderr names the problem);
 * 1 the output could not be written.
 */
public final class TokenizerCommand {

    static final String USAGE = "usage: tokenizer --corpus FILE... --vocab N --out DIR [--char]";

    private TokenizerCommand() {
    }

    /** Runs the command with {@code System.out}/{@code System.err}; returns the exit code. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("tokenizer: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        List<String> documents;
        long bytes;
        Tokenizer tokenizer;
        long start = System.nanoTime();
        double seconds;
        try {
            documents = Corpus.read(options.corpus);
            bytes = documents.stream().mapToLong(d -> d.getBytes(StandardCharsets.UTF_8).length).sum();
            if (bytes == 0) {
                throw new IllegalArgumentException("corpus is empty: " + options.corpus);
            }
            start = System.nanoTime();
            tokenizer = options.charLevel ? CharTokenizer.train(documents) : BpeTrainer.train(documents, options.vocab);
            seconds = (System.nanoTime() - start) / 1e9;
        } catch (IOException | IllegalArgumentException e) {
            err.println("tokenizer: " + e.getMessage());
            return 2;
        }
        try {
            tokenizer.save(options.out);
        } catch (IOException e) {
            err.println("tokenizer: cannot write " + options.out + ": " + e.getMessage());
            return 1;
        }
        long encodeStart = System.nanoTime();
        long tokens = 0;
        for (String document : documents) {
            tokens += tokenizer.encode(document).length;
        }
        double encodeSeconds = (System.nanoTime() - encodeStart) / 1e9;
        out.println(String.format(Locale.ROOT,
                "{\"kind\":\"%s\",\"vocab_size\":%d,\"seconds\":%.3f,\"corpus_bytes\":%d,\"tokens\":%d,"
                        + "\"bytes_per_token\":%.4f,\"encode_mb_per_s\":%.2f,\"out\":\"%s\"}",
                options.charLevel ? "char" : "bpe", tokenizer.vocabSize(), seconds, bytes, tokens,
                tokens == 0 ? 0.0 : (double) bytes / tokens, bytes / 1e6 / Math.max(encodeSeconds, 1e-9),
                jsonEscape(options.out.resolve("tokenizer.json").toString())));
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

    private record Options(List<Path> corpus, int vocab, Path out, boolean charLevel) {

        static Options parse(String[] args) {
            Args parsed = Args.parse(args, Set.of("corpus", "vocab", "out"), Set.of("char"));
            List<Path> corpus = parsed.list("corpus").stream().map(Path::of).toList();
            if (corpus.isEmpty()) {
                throw new IllegalArgumentException("missing --corpus FILE...");
            }
            Path out = Path.of(parsed.required("out"));
            boolean charLevel = parsed.flag("char");
            if (charLevel && parsed.has("vocab")) {
                throw new IllegalArgumentException("--vocab does not apply with --char (the vocabulary is the corpus's characters)");
            }
            int vocab = charLevel ? 0 : parseVocab(parsed.required("vocab"));
            return new Options(corpus, vocab, out, charLevel);
        }

        private static int parseVocab(String text) {
            int vocab;
            try {
                vocab = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--vocab must be an integer, was '" + text + "'");
            }
            if (vocab < BpeTrainer.MIN_VOCAB || vocab > BpeTrainer.MAX_VOCAB) {
                throw new IllegalArgumentException("--vocab must be in " + BpeTrainer.MIN_VOCAB + ".." + BpeTrainer.MAX_VOCAB
                        + " (bytes + merges; 4 special tokens are added), was " + vocab);
            }
            return vocab;
        }
    }
}
