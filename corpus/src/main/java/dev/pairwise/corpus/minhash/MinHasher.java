package dev.pairwise.corpus.minhash;

import java.util.SplittableRandom;

/**
 * MinHash signatures (Broder 1997, "On the resemblance and containment of documents"): for each of
 * {@code k} random permutations π of the shingle space, the minimum of π over the document's
 * shingles. Two documents agree on one signature slot with probability equal to the Jaccard
 * similarity of their shingle sets, so the share of agreeing slots estimates it with standard
 * error √(J(1−J)/k). The permutations are the universal hashes π(x) = (a·x + b) mod p with the
 * Mersenne prime p = 2⁶¹ − 1 (Leskovec et al., Mining of Massive Datasets, §3.3.5; datasketch uses
 * the same family), drawn from a seed so that every worker of a cluster computes the same ones.
 */
public final class MinHasher implements java.io.Serializable {

    private static final long serialVersionUID = 1L;
    /** 2⁶¹ − 1, prime. */
    static final long PRIME = (1L << 61) - 1;

    private final long[] a;
    private final long[] b;

    /** {@code permutations} hash functions drawn from {@code seed}. */
    public MinHasher(int permutations, long seed) {
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be at least 1, was " + permutations);
        }
        SplittableRandom random = new SplittableRandom(seed);
        a = new long[permutations];
        b = new long[permutations];
        for (int i = 0; i < permutations; i++) {
            a[i] = 1 + random.nextLong(PRIME - 1);
            b[i] = random.nextLong(PRIME);
        }
    }

    /** The number of permutations k: the length of every signature. */
    public int permutations() {
        return a.length;
    }

    /** The signature of a shingle set (from {@link Shingles#of}); an empty set gives all-max slots. */
    public long[] signature(long[] shingles) {
        long[] sig = new long[a.length];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        for (long shingle : shingles) {
            long x = Long.remainderUnsigned(shingle, PRIME);
            for (int i = 0; i < a.length; i++) {
                long h = mulAddMod(a[i], x, b[i]);
                if (h < sig[i]) {
                    sig[i] = h;
                }
            }
        }
        return sig;
    }

    /** The share of slots on which two signatures agree: the MinHash estimate of Jaccard similarity. */
    public static double estimate(long[] s1, long[] s2) {
        if (s1.length != s2.length) {
            throw new IllegalArgumentException("signatures of different lengths: " + s1.length + " and " + s2.length);
        }
        int same = 0;
        for (int i = 0; i < s1.length; i++) {
            if (s1[i] == s2[i]) {
                same++;
            }
        }
        return (double) same / s1.length;
    }

    /**
     * The lowest 8 bits of every slot: a b-bit MinHash sketch (Li and König, "b-Bit Minwise Hashing",
     * WWW 2010) with b = 8, an eighth of the signature's size, from which {@link #estimate(byte[], byte[])}
     * still estimates the Jaccard similarity. Near-duplicate candidates carry it to be verified.
     */
    public static byte[] sketch(long[] signature) {
        byte[] bits = new byte[signature.length];
        for (int i = 0; i < signature.length; i++) {
            bits[i] = (byte) signature[i];
        }
        return bits;
    }

    /**
     * The Jaccard estimate from two 8-bit sketches: the share of equal slots, corrected for the 1/256
     * chance that two different minima agree on their low 8 bits (Li and König: P(equal) = J + (1 − J)/2⁸).
     */
    public static double estimate(byte[] s1, byte[] s2) {
        if (s1.length != s2.length) {
            throw new IllegalArgumentException("sketches of different lengths: " + s1.length + " and " + s2.length);
        }
        int same = 0;
        for (int i = 0; i < s1.length; i++) {
            if (s1[i] == s2[i]) {
                same++;
            }
        }
        double chance = 1.0 / 256;
        return Math.max(0, ((double) same / s1.length - chance) / (1 - chance));
    }

    /** (a·x + b) mod 2⁶¹−1 without overflow, for a, x, b < 2⁶¹. */
    static long mulAddMod(long a, long x, long b) {
        long hi = Math.multiplyHigh(a, x);
        long lo = a * x;
        // a·x = hi·2⁶⁴ + lo (unsigned lo); 2⁶¹ ≡ 1 mod p, so 2⁶⁴ ≡ 8
        long r = (lo & PRIME) + (lo >>> 61) + (hi << 3);
        r = (r & PRIME) + (r >>> 61);
        r += b;
        r = (r & PRIME) + (r >>> 61);
        return r >= PRIME ? r - PRIME : r;
    }
}
