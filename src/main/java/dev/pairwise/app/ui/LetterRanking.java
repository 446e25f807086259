package dev.pairwise.app.ui;

import dev.pairwise.labeling.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A ranking written with response letters, as a reviewer types it: {@code B > A = C > D} (best
 * first, {@code >} between tiers, {@code =} within one). Letters follow the responses' order on
 * the page: A is the first.
 */
final class LetterRanking {

    private LetterRanking() {
    }

    /** The letter of the i-th response (0 = A). */
    static String letter(int index) {
        return String.valueOf((char) ('A' + index));
    }

    /** Tiers of response ids as letters. */
    static String format(List<List<Long>> tiers, List<Long> responseIds) {
        return tiers.stream()
                .map(tier -> tier.stream().map(id -> letter(responseIds.indexOf(id))).collect(Collectors.joining(" = ")))
                .collect(Collectors.joining(" > "));
    }

    /** Tiers of response ids from letters; {@link InvalidInputException} naming {@code ranking} for a bad one. */
    static List<List<Long>> parse(String text, List<Long> responseIds) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("ranking", "write a ranking such as B > A = C");
        }
        Map<String, Long> byLetter = new HashMap<>();
        for (int i = 0; i < responseIds.size(); i++) {
            byLetter.put(letter(i), responseIds.get(i));
        }
        List<List<Long>> tiers = new ArrayList<>();
        for (String tier : text.split(">")) {
            List<Long> ids = new ArrayList<>();
            for (String l : tier.split("=")) {
                String key = l.strip().toUpperCase(Locale.ROOT);
                Long id = byLetter.get(key);
                if (id == null) {
                    throw new InvalidInputException("ranking", "'" + l.strip() + "' is not a response letter (A.."
                            + letter(responseIds.size() - 1) + ")");
                }
                ids.add(id);
            }
            tiers.add(ids);
        }
        return tiers;
    }
}
