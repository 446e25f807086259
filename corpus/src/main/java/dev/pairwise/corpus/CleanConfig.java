package dev.pairwise.corpus;

import dev.pairwise.corpus.minhash.LshBands;
import dev.pairwise.corpus.quality.QualityThresholds;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Every setting of a cleaning run, validated on construction; the report repeats them. Each stage
 * is optional. Defaults ({@link #defaults}) and why:
 *
 * @param inputs                 files (local paths or Flink file-system URIs): {@code .jsonl} with a
 *                               string {@code text} and an optional {@code id}, or plain text with
 *                               one document per blank-line-separated paragraph; {@code .gz} read as gzip
 * @param output                 folder for {@code clean.jsonl} (and {@code report.json})
 * @param languages              ISO 639-1 codes to keep; empty switches language identification off
 * @param minLanguageConfidence  Lingua's confidence (a softmax over 75 languages) the top language
 *                               needs; 0.5: the language is more likely than all others together
 * @param languageHighAccuracy   Lingua's high-accuracy mode (1- to 5-gram models, about 1.5 GB of
 *                               heap and 25 s to load, 96.0% on the shared 75-language sentences)
 *                               instead of low accuracy (trigrams: 90 MB, 3 s, 93.5% on sentences;
 *                               documents, longer than sentences, are easier for both)
 * @param exactDedup             drop documents whose normal form (NFC, case and space folded) repeats
 * @param nearDedup              drop MinHash/LSH near duplicates, keeping the earliest of each cluster
 * @param nearDupThreshold       Jaccard similarity of word shingles that counts as a near duplicate;
 *                               0.8 as in datasketch's examples and GPT-3/The Pile-style pipelines
 * @param permutations           MinHash signature length; 128 (datasketch's default): standard error
 *                               of a similarity estimate √(s(1−s)/128) ≈ 0.035 at s = 0.8
 * @param shingleWords           words per shingle; 5 as Gopher, RefinedWeb and datatrove
 * @param quality                apply the Gopher/C4 rules with {@code thresholds}
 * @param thresholds             the rules' thresholds
 * @param perplexityCheckpoint   a GPT checkpoint folder to score with; null switches scoring off
 * @param perplexityKeepPercent  keep documents at or below this percentile of perplexity; 100 keeps
 *                               all (scores only). CCNet's "head" is the lowest third
 * @param perplexityMaxTokens    tokens of each document scored; 1024 bounds the cost of long ones
 * @param pii                    replace e-mail, phone and IP addresses with placeholders
 * @param examplesPerStage       removed documents the report shows per stage (the earliest ones)
 * @param seed                   MinHash permutations; fixed so every worker and rerun agrees
 */
public record CleanConfig(
        List<String> inputs, String output, List<String> languages, double minLanguageConfidence,
        boolean languageHighAccuracy, boolean exactDedup, boolean nearDedup, double nearDupThreshold, int permutations, int shingleWords,
        boolean quality, QualityThresholds thresholds, @Nullable String perplexityCheckpoint,
        double perplexityKeepPercent, int perplexityMaxTokens, boolean pii, int examplesPerStage, long seed)
        implements Serializable {

    public CleanConfig {
        inputs = List.copyOf(inputs);
        languages = languages.stream().map(l -> l.strip().toLowerCase(Locale.ROOT)).filter(l -> !l.isEmpty()).toList();
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input files");
        }
        for (String l : languages) {
            if (!l.matches("[a-z]{2}")) {
                throw new IllegalArgumentException("languages are ISO 639-1 codes such as en or de, was '" + l + "'");
            }
        }
        if (!(minLanguageConfidence >= 0 && minLanguageConfidence <= 1)) {
            throw new IllegalArgumentException("language confidence must be in 0..1, was " + minLanguageConfidence);
        }
        if (!(nearDupThreshold > 0 && nearDupThreshold < 1)) {
            throw new IllegalArgumentException("near-duplicate threshold must be between 0 and 1 (exclusive), was "
                    + nearDupThreshold);
        }
        if (permutations < 2 || permutations > 1024) {
            throw new IllegalArgumentException("MinHash permutations must be in 2..1024, was " + permutations);
        }
        if (shingleWords < 1 || shingleWords > 32) {
            throw new IllegalArgumentException("shingle size must be in 1..32 words, was " + shingleWords);
        }
        if (!(perplexityKeepPercent > 0 && perplexityKeepPercent <= 100)) {
            throw new IllegalArgumentException("perplexity keep percentile must be in (0, 100], was "
                    + perplexityKeepPercent);
        }
        if (perplexityMaxTokens < 2) {
            throw new IllegalArgumentException("perplexity max tokens must be at least 2, was " + perplexityMaxTokens);
        }
        if (examplesPerStage < 0 || examplesPerStage > 100) {
            throw new IllegalArgumentException("examples per stage must be in 0..100, was " + examplesPerStage);
        }
    }

    /** All stages on except language identification (no language given) and perplexity (no checkpoint). */
    public static CleanConfig defaults(List<String> inputs, String output) {
        return new CleanConfig(inputs, output, List.of(), 0.5, false, true, true, 0.8, 128, 5, true,
                QualityThresholds.DEFAULTS, null, 90, 1024, true, 5, 42);
    }

    /**
     * The LSH bands and rows for the threshold and permutations: tuned to miss few pairs above the
     * threshold, since every candidate pair is then checked against it (see {@code NearDedup}).
     */
    public LshBands bands() {
        return LshBands.forVerifiedCandidates(nearDupThreshold, permutations);
    }

    public CleanConfig withLocations(List<String> in, String out) {
        return new CleanConfig(in, out, languages, minLanguageConfidence, languageHighAccuracy, exactDedup, nearDedup, nearDupThreshold,
                permutations, shingleWords, quality, thresholds, perplexityCheckpoint, perplexityKeepPercent,
                perplexityMaxTokens, pii, examplesPerStage, seed);
    }

    public CleanConfig withLanguages(List<String> langs, double minConfidence, boolean highAccuracy) {
        return new CleanConfig(inputs, output, langs, minConfidence, highAccuracy, exactDedup, nearDedup, nearDupThreshold,
                permutations, shingleWords, quality, thresholds, perplexityCheckpoint, perplexityKeepPercent,
                perplexityMaxTokens, pii, examplesPerStage, seed);
    }

    public CleanConfig withDedup(boolean exact, boolean near, double threshold, int perms, int shingle) {
        return new CleanConfig(inputs, output, languages, minLanguageConfidence, languageHighAccuracy, exact, near, threshold, perms, shingle,
                quality, thresholds, perplexityCheckpoint, perplexityKeepPercent, perplexityMaxTokens, pii,
                examplesPerStage, seed);
    }

    public CleanConfig withQuality(boolean on, QualityThresholds t) {
        return new CleanConfig(inputs, output, languages, minLanguageConfidence, languageHighAccuracy, exactDedup, nearDedup,
                nearDupThreshold, permutations, shingleWords, on, t, perplexityCheckpoint, perplexityKeepPercent,
                perplexityMaxTokens, pii, examplesPerStage, seed);
    }

    public CleanConfig withPerplexity(@Nullable String checkpoint, double keepPercent, int maxTokens) {
        return new CleanConfig(inputs, output, languages, minLanguageConfidence, languageHighAccuracy, exactDedup, nearDedup,
                nearDupThreshold, permutations, shingleWords, quality, thresholds, checkpoint, keepPercent, maxTokens,
                pii, examplesPerStage, seed);
    }

    public CleanConfig withExamples(int perStage, long newSeed) {
        return new CleanConfig(inputs, output, languages, minLanguageConfidence, languageHighAccuracy, exactDedup, nearDedup,
                nearDupThreshold, permutations, shingleWords, quality, thresholds, perplexityCheckpoint,
                perplexityKeepPercent, perplexityMaxTokens, pii, perStage, newSeed);
    }

    public CleanConfig withPii(boolean on) {
        return new CleanConfig(inputs, output, languages, minLanguageConfidence, languageHighAccuracy, exactDedup, nearDedup,
                nearDupThreshold, permutations, shingleWords, quality, thresholds, perplexityCheckpoint,
                perplexityKeepPercent, perplexityMaxTokens, on, examplesPerStage, seed);
    }
}
