package dev.pairwise.policy.tokenizer;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incremental trainer must learn exactly the merges of the textbook algorithm (Sennrich et al.
 * 2016, Algorithm 1), which recounts every pair of every word before each merge.
 */
class BpeTrainerReferenceTest {

    /** Textbook BPE: full recount per merge; most frequent pair, ties to the smaller (left, right). */
    private static List<String> referenceMerges(List<String> documents, int vocabSize) {
        Map<String, long[]> counts = BpeTrainer.countWords(documents);
        List<int[]> words = new ArrayList<>();
        List<Long> frequencies = new ArrayList<>();
        counts.forEach((word, count) -> {
            byte[] bytes = ByteLevel.utf8(word);
            int[] symbols = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                symbols[i] = bytes[i] & 0xFF;
            }
            words.add(symbols);
            frequencies.add(count[0]);
        });
        List<String> tokens = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            tokens.add(ByteLevel.toChars(new byte[] {(byte) b}));
        }
        List<String> merges = new ArrayList<>();
        while (tokens.size() < vocabSize) {
            Map<Long, Long> pairCounts = new HashMap<>();
            for (int w = 0; w < words.size(); w++) {
                int[] s = words.get(w);
                for (int i = 0; i + 1 < s.length; i++) {
                    pairCounts.merge(PairMap.key(s[i], s[i + 1]), frequencies.get(w), Long::sum);
                }
            }
            long best = -1;
            long bestCount = 0;
            for (Map.Entry<Long, Long> e : pairCounts.entrySet()) {
                if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() < best)) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            if (bestCount == 0) {
                break;
            }
            int left = (int) (best >>> 32);
            int right = (int) best;
            String token = tokens.get(left) + tokens.get(right);
            int id = tokens.indexOf(token);
            if (id < 0) {
                id = tokens.size();
                tokens.add(token);
            }
            merges.add(tokens.get(left) + " " + tokens.get(right));
            for (int w = 0; w < words.size(); w++) {
                int[] s = words.get(w);
                List<Integer> out = new ArrayList<>();
                for (int i = 0; i < s.length; i++) {
                    if (i + 1 < s.length && s[i] == left && s[i + 1] == right) {
                        out.add(id);
                        i++;
                    } else {
                        out.add(s[i]);
                    }
                }
                words.set(w, out.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return merges;
    }

    @Test
    void incremental_training_learns_the_textbook_merges_on_english() {
        List<String> corpus = List.of(String.join(" ", BpeTokenizerTest.CORPUS).repeat(3)
                + " aaaa aaaaa abab ababab the theme then there thereof\n\n\n  x");
        assertThat(BpeTrainer.train(corpus, 400).merges()).isEqualTo(referenceMerges(corpus, 400));
    }

    @Test
    void incremental_training_learns_the_textbook_merges_on_random_multilingual_text() {
        Random random = new Random(42);
        List<String> corpus = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String piece = Texts.random(random, 40);
            corpus.add(piece + " " + piece.substring(0, piece.offsetByCodePoints(0, 15)) + Texts.random(random, 10));
        }
        assertThat(BpeTrainer.train(corpus, 520).merges()).isEqualTo(referenceMerges(corpus, 520));
    }
}
