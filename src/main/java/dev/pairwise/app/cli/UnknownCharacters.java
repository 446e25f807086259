package dev.pairwise.app.cli;

import dev.pairwise.policy.tokenizer.CharTokenizer;
import dev.pairwise.policy.tokenizer.Tokenizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Characters of the data a command read that lie outside its char-level tokenizer's vocabulary.
 * They encode as the unknown-character id and the run goes on; this counts them so the command can
 * say so (HH-RLHF has emoji, accents and typographic quotes that a vocabulary built from another
 * corpus lacks).
 *
 * @param records    records with at least one such character
 * @param total      records looked at
 * @param characters such characters, each occurrence counted
 * @param top        the most frequent ones, described, with their counts
 */
record UnknownCharacters(int records, int total, long characters, List<String> top) {

    /** Counts over the texts of each record (a pair: its prompt turns, chosen and rejected). */
    static UnknownCharacters count(Tokenizer tokenizer, List<List<String>> recordTexts) {
        Map<Integer, Long> byCharacter = new HashMap<>();
        int records = 0;
        for (List<String> texts : recordTexts) {
            boolean any = false;
            for (String text : texts) {
                for (int c : tokenizer.unknownCharacters(text)) {
                    byCharacter.merge(c, 1L, Long::sum);
                    any = true;
                }
            }
            if (any) {
                records++;
            }
        }
        long characters = byCharacter.values().stream().mapToLong(Long::longValue).sum();
        List<String> top = byCharacter.entrySet().stream()
                .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(5)
                .map(e -> CharTokenizer.describe(e.getKey()) + " x" + e.getValue())
                .collect(Collectors.toList());
        return new UnknownCharacters(records, recordTexts.size(), characters, top);
    }

    /** One line for stderr, or empty when every character was in the vocabulary. */
    String note(String what) {
        if (records == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%d of %d %s have characters outside the tokenizer's vocabulary"
                + " (%d in all; most often %s); they read as its unknown-character id", records, total, what,
                characters, String.join(", ", top));
    }
}
