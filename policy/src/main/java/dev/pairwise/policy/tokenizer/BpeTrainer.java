package dev.pairwise.policy.tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Learns byte-level BPE merges from a corpus (Sennrich et al. 2016, "Neural Machine Translation of
 * Rare Words with Subword Units"; byte-level variant of Radford et al. 2019, GPT-2).
 *
 * <p>The algorithm is Hugging Face {@code tokenizers}' {@code BpeTrainer}: pre-tokenize once and
 * count distinct words; count adjacent pairs weighted by word frequency, with an index from each
 * pair to the words that hold it; then repeatedly take the most frequent pair from a priority
 * queue (lazily refreshed: a popped entry whose count is stale goes back with the current one),
 * merge it only inside the words the index names, and update the neighbouring pair counts
 * incrementally. No merge ever recounts the corpus, so a 4k vocabulary on Tiny Shakespeare takes
 * well under a second once the words are counted.
 *
 * <p>Ties are broken by the smaller pair of ids, as in the reference, so training is
 * deterministic. Ids: 0..255 are the bytes (id = byte value), then one id per new token in merge
 * order, then the four {@link SpecialTokens}. As in the reference, a merge whose result string
 * already exists (reached by another split) reuses that id.
 */
public final class BpeTrainer {

    /** 256 byte tokens: the smallest byte-level vocabulary. */
    public static final int MIN_VOCAB = 256;
    /** Upper bound of this project (embedding and softmax cost grow with it on a CPU). */
    public static final int MAX_VOCAB = 32768;

    private BpeTrainer() {
    }

    /**
     * Trains on {@code documents}.
     *
     * @param vocabSize number of byte and merged tokens, {@value #MIN_VOCAB}..{@value #MAX_VOCAB};
     *                  the 4 special tokens come on top, so {@code vocabSize()} is {@code vocabSize + 4}
     *                  (less when the corpus runs out of pairs before reaching it)
     */
    public static BpeTokenizer train(List<String> documents, int vocabSize) {
        if (vocabSize < MIN_VOCAB || vocabSize > MAX_VOCAB) {
            throw new IllegalArgumentException("vocabSize must be in " + MIN_VOCAB + ".." + MAX_VOCAB + ", was " + vocabSize);
        }
        if (documents.isEmpty() || documents.stream().allMatch(String::isEmpty)) {
            throw new IllegalArgumentException("corpus is empty: nothing to train a tokenizer on");
        }
        return new Run(countWords(documents)).merge(vocabSize);
    }

    static Map<String, long[]> countWords(List<String> documents) {
        Map<String, long[]> counts = new HashMap<>();
        for (String document : documents) {
            ByteLevel.preTokenize(document, piece -> counts.computeIfAbsent(piece, k -> new long[1])[0]++);
        }
        return counts;
    }

    /** A candidate merge in the queue: most frequent first, then the smaller (left, right). */
    private record Candidate(long count, int left, int right) implements Comparable<Candidate> {
        @Override
        public int compareTo(Candidate o) {
            if (count != o.count) {
                return Long.compare(o.count, count);
            }
            return left != o.left ? Integer.compare(left, o.left) : Integer.compare(right, o.right);
        }
    }

    /** Count of one pair and the words that (may) hold it; a word can be listed twice or stale. */
    private static final class PairStat {
        final int left;
        final int right;
        long count;
        int[] words = new int[2];
        int wordCount;
        int touched = -1;

        PairStat(int left, int right) {
            this.left = left;
            this.right = right;
        }

        void addWord(int word) {
            if (wordCount > 0 && words[wordCount - 1] == word) {
                return;
            }
            if (wordCount == words.length) {
                words = Arrays.copyOf(words, wordCount * 2);
            }
            words[wordCount++] = word;
        }
    }

    private static final class Run {
        final int[][] symbols;
        final int[] lengths;
        final long[] frequencies;
        final Map<Long, PairStat> pairs = new HashMap<>();
        final PriorityQueue<Candidate> queue = new PriorityQueue<>();
        final List<String> tokens = new ArrayList<>();
        final Map<String, Integer> ids = new HashMap<>();
        final List<int[]> merges = new ArrayList<>();
        final int[] seen;
        int step;
        long mergedKey;
        final List<PairStat> touched = new ArrayList<>();

        Run(Map<String, long[]> wordCounts) {
            int n = wordCounts.size();
            symbols = new int[n][];
            lengths = new int[n];
            frequencies = new long[n];
            seen = new int[n];
            Arrays.fill(seen, -1);
            int w = 0;
            for (Map.Entry<String, long[]> entry : wordCounts.entrySet()) {
                byte[] bytes = ByteLevel.utf8(entry.getKey());
                int[] word = new int[bytes.length];
                for (int i = 0; i < bytes.length; i++) {
                    word[i] = bytes[i] & 0xFF;
                }
                symbols[w] = word;
                lengths[w] = word.length;
                frequencies[w] = entry.getValue()[0];
                w++;
            }
            for (int b = 0; b < 256; b++) {
                String token = ByteLevel.toChars(new byte[] {(byte) b});
                tokens.add(token);
                ids.put(token, b);
            }
        }

        BpeTokenizer merge(int vocabSize) {
            mergedKey = -1;
            step = -1;
            for (int w = 0; w < symbols.length; w++) {
                int[] word = symbols[w];
                for (int i = 0; i + 1 < lengths[w]; i++) {
                    change(word[i], word[i + 1], frequencies[w], w);
                }
            }
            for (PairStat stat : pairs.values()) {
                queue.add(new Candidate(stat.count, stat.left, stat.right));
            }
            touched.clear();
            while (tokens.size() < vocabSize && !queue.isEmpty()) {
                Candidate top = queue.poll();
                long key = PairMap.key(top.left, top.right);
                PairStat stat = pairs.get(key);
                if (stat == null || stat.count <= 0) {
                    continue;
                }
                if (stat.count != top.count) {
                    queue.add(new Candidate(stat.count, stat.left, stat.right));
                    continue;
                }
                apply(stat, key);
            }
            return BpeTokenizer.fromMerges(tokens, merges);
        }

        private void apply(PairStat stat, long key) {
            String token = tokens.get(stat.left) + tokens.get(stat.right);
            Integer existing = ids.get(token);
            int id = existing != null ? existing : tokens.size();
            if (existing == null) {
                tokens.add(token);
                ids.put(token, id);
            }
            merges.add(new int[] {stat.left, stat.right, id});
            step++;
            mergedKey = key;
            for (int k = 0; k < stat.wordCount; k++) {
                int w = stat.words[k];
                if (seen[w] != step) {
                    seen[w] = step;
                    mergeInWord(w, stat.left, stat.right, id);
                }
            }
            pairs.remove(key);
            for (PairStat t : touched) {
                if (t.count > 0) {
                    queue.add(new Candidate(t.count, t.left, t.right));
                }
            }
            touched.clear();
        }

        /** Merges every (a, b) in word w left to right, in place, reporting the neighbour pairs that change. */
        private void mergeInWord(int w, int a, int b, int merged) {
            int[] s = symbols[w];
            int n = lengths[w];
            long f = frequencies[w];
            int out = 0;
            int i = 0;
            while (i < n) {
                if (i + 1 < n && s[i] == a && s[i + 1] == b) {
                    if (out > 0) {
                        change(s[out - 1], a, -f, w);
                        change(s[out - 1], merged, f, w);
                    }
                    if (i + 2 < n) {
                        change(b, s[i + 2], -f, w);
                        change(merged, s[i + 2], f, w);
                    }
                    s[out++] = merged;
                    i += 2;
                } else {
                    s[out++] = s[i++];
                }
            }
            lengths[w] = out;
        }

        private void change(int left, int right, long delta, int word) {
            long key = PairMap.key(left, right);
            if (key == mergedKey) {
                return;
            }
            PairStat stat = pairs.get(key);
            if (stat == null) {
                stat = new PairStat(left, right);
                pairs.put(key, stat);
            }
            stat.count += delta;
            if (delta > 0) {
                stat.addWord(word);
                if (step >= 0 && stat.touched != step) {
                    stat.touched = step;
                    touched.add(stat);
                }
            }
        }
    }
}
