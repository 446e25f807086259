package dev.pairwise.corpus.quality;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gopher's document filters (Rae et al. 2021, appendix A) and C4's (Raffel et al. 2020) as
 * predicates with {@link QualityThresholds}: {@link #firstFailure} names the first rule a document
 * breaks, so the report can count removals per rule. The repetition measures follow datatrove's
 * reading of Gopher: duplicate lines and paragraphs count occurrences after the first; the top
 * n-gram share is (characters of the n-gram) × (its count) / (characters of all words); repeated
 * n-grams are counted without overlap, skipping n words after each repeat.
 *
 * <p>Words are the white-space separated tokens with punctuation trimmed from both ends (tokens
 * of punctuation only are not words). Simplification: no language-specific tokenizer, so texts
 * without spaces between words (Chinese, Japanese, Thai) read as few very long words — switch the
 * stage off or raise the length thresholds for such corpora.
 */
public final class QualityRules implements java.io.Serializable {

    private static final long serialVersionUID = 1L;
    /** The rule names, in the order they are checked; the report counts removals under them. */
    public static final List<String> RULES = List.of("word_count", "mean_word_length", "symbol_ratio", "bullet_lines",
            "ellipsis_lines", "alphabetic_words", "stop_words", "digit_ratio", "punctuated_lines", "duplicate_lines",
            "duplicate_paragraphs", "top_ngram", "duplicate_ngrams", "lorem_ipsum");

    private static final Set<String> STOP_WORDS = Set.of("the", "be", "to", "of", "and", "that", "have", "with");
    private static final Pattern LINES = Pattern.compile("\\n+");
    private static final Pattern PARAGRAPHS = Pattern.compile("\\n\\s*\\n");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final String BULLETS = "•‣⁃◦▪▫●○■□–—-*·";
    private static final String TERMINAL = ".!?\"'”’»)";

    private final QualityThresholds t;

    public QualityRules(QualityThresholds thresholds) {
        this.t = thresholds;
    }

    /**
     * The name of the first rule {@code text} breaks, or empty when it passes every rule.
     *
     * @param english whether the stop-word rule applies (English or unknown language)
     */
    public Optional<String> firstFailure(String text, boolean english) {
        List<String> words = words(text);
        int n = words.size();
        if (n < t.minWords() || n > t.maxWords()) {
            return Optional.of("word_count");
        }
        long wordChars = 0;
        int alphabetic = 0;
        int stops = 0;
        Set<String> stopsSeen = new HashSet<>();
        for (String w : words) {
            wordChars += w.length();
            if (w.chars().anyMatch(Character::isLetter)) {
                alphabetic++;
            }
            String lower = w.toLowerCase(java.util.Locale.ROOT);
            if (STOP_WORDS.contains(lower) && stopsSeen.add(lower)) {
                stops++;
            }
        }
        double mean = (double) wordChars / n;
        if (mean < t.minMeanWordLength() || mean > t.maxMeanWordLength()) {
            return Optional.of("mean_word_length");
        }
        int symbols = count(text, "#") + count(text, "...") + count(text, "…");
        if ((double) symbols / n > t.maxSymbolRatio()) {
            return Optional.of("symbol_ratio");
        }
        List<String> lines = LINES.splitAsStream(text.strip()).map(String::strip).filter(l -> !l.isEmpty()).toList();
        int bullets = 0;
        int ellipses = 0;
        int punctuated = 0;
        for (String line : lines) {
            if (BULLETS.indexOf(line.charAt(0)) >= 0) {
                bullets++;
            }
            if (line.endsWith("...") || line.endsWith("…")) {
                ellipses++;
            }
            if (TERMINAL.indexOf(line.charAt(line.length() - 1)) >= 0) {
                punctuated++;
            }
        }
        int lineCount = Math.max(1, lines.size());
        if ((double) bullets / lineCount > t.maxBulletLines()) {
            return Optional.of("bullet_lines");
        }
        if ((double) ellipses / lineCount > t.maxEllipsisLines()) {
            return Optional.of("ellipsis_lines");
        }
        if ((double) alphabetic / n < t.minAlphabeticWords()) {
            return Optional.of("alphabetic_words");
        }
        if (english && stops < t.minStopWords()) {
            return Optional.of("stop_words");
        }
        long digits = text.chars().filter(Character::isDigit).count();
        long nonSpace = text.chars().filter(c -> !Character.isWhitespace(c)).count();
        if (nonSpace > 0 && (double) digits / nonSpace > t.maxDigitRatio()) {
            return Optional.of("digit_ratio");
        }
        if ((double) punctuated / lineCount < t.minPunctuatedLines()) {
            return Optional.of("punctuated_lines");
        }
        int length = Math.max(1, text.length());
        long[] dupLines = duplicates(lines);
        if ((double) dupLines[0] / lineCount > t.maxDuplicateLines()
                || (double) dupLines[1] / length > t.maxDuplicateLineChars()) {
            return Optional.of("duplicate_lines");
        }
        List<String> paragraphs = PARAGRAPHS.splitAsStream(text.strip()).map(String::strip)
                .filter(p -> !p.isEmpty()).toList();
        long[] dupParagraphs = duplicates(paragraphs);
        if ((double) dupParagraphs[0] / Math.max(1, paragraphs.size()) > t.maxDuplicateParagraphs()
                || (double) dupParagraphs[1] / length > t.maxDuplicateParagraphChars()) {
            return Optional.of("duplicate_paragraphs");
        }
        double[] topLimits = {t.maxTop2gram(), t.maxTop3gram(), t.maxTop4gram()};
        for (int g = 2; g <= 4; g++) {
            if ((double) topNgramChars(words, g) / Math.max(1, wordChars) > topLimits[g - 2]) {
                return Optional.of("top_ngram");
            }
        }
        for (int g = 5; g <= 10; g++) {
            double limit = t.maxDuplicate5grams() - 0.01 * (g - 5);
            if ((double) duplicateNgramChars(words, g) / Math.max(1, wordChars) > limit) {
                return Optional.of("duplicate_ngrams");
            }
        }
        if (text.toLowerCase(java.util.Locale.ROOT).contains("lorem ipsum")) {
            return Optional.of("lorem_ipsum");
        }
        return Optional.empty();
    }

    /** White-space tokens with punctuation trimmed from both ends; tokens of punctuation alone dropped. */
    static List<String> words(String text) {
        return SPACE.splitAsStream(text).map(QualityRules::trimPunctuation).filter(w -> !w.isEmpty()).toList();
    }

    private static String trimPunctuation(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && isPunctuation(token.charAt(start))) {
            start++;
        }
        while (end > start && isPunctuation(token.charAt(end - 1))) {
            end--;
        }
        return token.substring(start, end);
    }

    private static boolean isPunctuation(char c) {
        int type = Character.getType(c);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    private static int count(String text, String needle) {
        int c = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            c++;
        }
        return c;
    }

    /** {occurrences after the first, characters in them}. */
    static long[] duplicates(List<String> items) {
        Set<String> seen = new HashSet<>();
        long count = 0;
        long chars = 0;
        for (String item : items) {
            if (!seen.add(item)) {
                count++;
                chars += item.length();
            }
        }
        return new long[] {count, chars};
    }

    /** Characters of the most frequent word n-gram times its count (words joined without spaces). */
    static long topNgramChars(List<String> words, int n) {
        Map<String, Integer> counts = new HashMap<>();
        String top = null;
        int topCount = 0;
        for (int i = 0; i + n <= words.size(); i++) {
            String gram = String.join(" ", words.subList(i, i + n));
            int c = counts.merge(gram, 1, Integer::sum);
            if (c > topCount) {
                topCount = c;
                top = gram;
            }
        }
        return top == null || topCount < 2 ? 0 : (long) (top.length() - (n - 1)) * topCount;
    }

    /** Characters in repeated word n-grams, skipping n words after each repeat (no overlap). */
    static long duplicateNgramChars(List<String> words, int n) {
        Set<String> seen = new HashSet<>();
        long chars = 0;
        int i = 0;
        while (i + n <= words.size()) {
            List<String> gram = words.subList(i, i + n);
            String key = String.join(" ", gram);
            if (!seen.add(key)) {
                chars += key.length() - (n - 1);
                i += n;
            } else {
                i++;
            }
        }
        return chars;
    }
}
