package dev.pairwise.corpus.flink;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Documents of random pseudo-words, and copies of them with words changed: dedup test material. */
public final class SyntheticCorpus {

    private final Random random;
    private final List<String> vocabulary = new ArrayList<>();

    public SyntheticCorpus(long seed, int vocabularySize) {
        random = new Random(seed);
        for (int i = 0; i < vocabularySize; i++) {
            StringBuilder w = new StringBuilder();
            int len = 3 + random.nextInt(6);
            for (int c = 0; c < len; c++) {
                w.append((char) ('a' + random.nextInt(26)));
            }
            vocabulary.add(w.toString());
        }
    }

    /** A document of {@code words} random words, with a full stop every 12 words. */
    public String document(int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            s.append(vocabulary.get(random.nextInt(vocabulary.size())));
            s.append((i + 1) % 12 == 0 ? ". " : " ");
        }
        return s.toString().strip() + ".";
    }

    /** {@code text} with {@code changes} words replaced by random words. */
    public String nearCopy(String text, int changes) {
        String[] words = text.split(" ");
        for (int c = 0; c < changes; c++) {
            int i = random.nextInt(words.length);
            words[i] = "zz" + vocabulary.get(random.nextInt(vocabulary.size()));
        }
        return String.join(" ", words);
    }
}
