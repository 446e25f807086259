package dev.pairwise.corpus.minhash;

import dev.pairwise.corpus.text.ExactHash;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A document as a set of word n-grams ("shingles", Broder 1997), each hashed to 64 bits. Words
 * are the white-space separated tokens of the {@link ExactHash#normalize normal form} (NFC, lower
 * case), so case and spacing changes do not make two texts look different. Default n = 5 words,
 * as in Gopher's, RefinedWeb's and datatrove's MinHash deduplication. A document shorter than n
 * words is one shingle: the whole text.
 */
public final class Shingles {

    private Shingles() {
    }

    /** The distinct 64-bit hashes of the word {@code n}-grams of {@code text}, sorted. */
    public static long[] of(String text, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("shingle size must be at least 1, was " + n);
        }
        String normal = ExactHash.normalize(text);
        String[] words = normal.isEmpty() ? new String[0] : normal.split(" ");
        int count = Math.max(1, words.length - n + 1);
        long[] hashes = new long[count];
        if (words.length < n) {
            hashes[0] = hash(normal);
        } else {
            StringBuilder gram = new StringBuilder();
            for (int i = 0; i < count; i++) {
                gram.setLength(0);
                for (int j = i; j < i + n; j++) {
                    gram.append(words[j]).append(' ');
                }
                hashes[i] = hash(gram);
            }
        }
        Arrays.sort(hashes);
        int distinct = 0;
        for (int i = 0; i < hashes.length; i++) {
            if (i == 0 || hashes[i] != hashes[i - 1]) {
                hashes[distinct++] = hashes[i];
            }
        }
        return Arrays.copyOf(hashes, distinct);
    }

    /** 64-bit FNV-1a over the UTF-8 bytes, then a Murmur3 finaliser to spread the bits. */
    static long hash(CharSequence text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.toString().getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** Exact Jaccard similarity |A ∩ B| / |A ∪ B| of two sorted, distinct hash sets. */
    public static double jaccard(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = a.length + b.length - common;
        return union == 0 ? 1.0 : (double) common / union;
    }
}
