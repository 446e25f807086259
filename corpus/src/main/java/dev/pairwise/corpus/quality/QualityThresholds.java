package dev.pairwise.corpus.quality;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The thresholds of {@link QualityRules}, each with where it comes from. Defaults are Gopher's
 * (Rae et al. 2021, "Scaling Language Models", appendix A, table A1) unless marked otherwise.
 * {@link #with} changes one by name — the names the report and the command line use.
 *
 * @param minWords              fewer words than this: too short to be a document (Gopher: 50)
 * @param maxWords              more words: a dump, not prose (Gopher: 100,000)
 * @param minMeanWordLength     mean word length in characters below this: lists, codes (Gopher: 3)
 * @param maxMeanWordLength     above this: URLs, hashes, run-together text (Gopher: 10)
 * @param maxSymbolRatio        ('#' + "...") per word above this: hashtag and teaser spam (Gopher: 0.1)
 * @param maxBulletLines        share of lines starting with a bullet above this: menus (Gopher: 0.9)
 * @param maxEllipsisLines      share of lines ending in an ellipsis above this: truncated snippets (Gopher: 0.3)
 * @param minAlphabeticWords    share of words with a letter below this: tables, numbers (Gopher: 0.8)
 * @param minStopWords          fewer of Gopher's English stop words (the, be, to, of, and, that,
 *                              have, with) than this: not running English prose (Gopher: 2); only
 *                              for documents identified as English or of unknown language
 * @param maxDigitRatio         digits per non-space character above this: tables, logs (ours: 0.3)
 * @param minPunctuatedLines    share of lines ending in terminal punctuation below this: C4's rule
 *                              (Raffel et al. 2020) as a document-level ratio, FineWeb's 0.12
 * @param maxDuplicateLines     share of lines that repeat an earlier line (Gopher: 0.3)
 * @param maxDuplicateLineChars share of characters in repeated lines (Gopher: 0.2)
 * @param maxDuplicateParagraphs share of paragraphs that repeat an earlier one (Gopher: 0.3)
 * @param maxDuplicateParagraphChars share of characters in repeated paragraphs (Gopher: 0.2)
 * @param maxTop2gram           character share of the most frequent word 2-gram (Gopher: 0.20)
 * @param maxTop3gram           ... 3-gram (Gopher: 0.18)
 * @param maxTop4gram           ... 4-gram (Gopher: 0.16)
 * @param maxDuplicate5grams    character share of repeated word 5-grams (Gopher: 0.15; 6..10-grams
 *                              step down by 0.01 to 0.10, as in Gopher)
 */
public record QualityThresholds(
        int minWords, int maxWords, double minMeanWordLength, double maxMeanWordLength, double maxSymbolRatio,
        double maxBulletLines, double maxEllipsisLines, double minAlphabeticWords, int minStopWords,
        double maxDigitRatio, double minPunctuatedLines, double maxDuplicateLines, double maxDuplicateLineChars,
        double maxDuplicateParagraphs, double maxDuplicateParagraphChars, double maxTop2gram, double maxTop3gram,
        double maxTop4gram, double maxDuplicate5grams) implements Serializable {

    /** Gopher's thresholds, with the two additions named above. */
    public static final QualityThresholds DEFAULTS = new QualityThresholds(50, 100_000, 3, 10, 0.1, 0.9, 0.3, 0.8, 2,
            0.3, 0.12, 0.3, 0.2, 0.3, 0.2, 0.20, 0.18, 0.16, 0.15);

    /** The thresholds by name ({@code min_words} ...), in declaration order. */
    public Map<String, Number> asMap() {
        Map<String, Number> m = new LinkedHashMap<>();
        var components = QualityThresholds.class.getRecordComponents();
        for (var c : components) {
            try {
                m.put(snake(c.getName()), (Number) c.getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return m;
    }

    /**
     * A copy with the threshold {@code name} (snake case, as {@link #asMap}) set to {@code value}.
     *
     * @throws IllegalArgumentException naming the unknown threshold or the value that does not parse
     */
    public QualityThresholds with(String name, String value) {
        Map<String, Number> m = asMap();
        if (!m.containsKey(name)) {
            throw new IllegalArgumentException("unknown quality threshold '" + name + "'; known: "
                    + String.join(", ", m.keySet()));
        }
        try {
            m.put(name, m.get(name) instanceof Integer ? Integer.parseInt(value.strip()) : Double.parseDouble(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("quality threshold " + name + " must be a number, was '" + value + "'");
        }
        var components = QualityThresholds.class.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        int i = 0;
        for (Number v : m.values()) {
            types[i] = components[i].getType();
            args[i] = types[i] == int.class ? (Object) v.intValue() : (Object) v.doubleValue();
            i++;
        }
        try {
            return QualityThresholds.class.getDeclaredConstructor(types).newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z0-9])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
