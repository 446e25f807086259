package dev.pairwise.corpus.minhash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MinHasherTest {

    @Test
    void the_estimate_is_within_three_standard_errors_of_exact_jaccard() {
        Random random = new Random(7);
        MinHasher hasher = new MinHasher(256, 42);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            words.add("w" + random.nextInt(5000));
        }
        String base = String.join(" ", words);
        int checked = 0;
        double sumError = 0;
        for (int changes : new int[] {0, 2, 5, 10, 20, 40, 80, 200}) {
            List<String> copy = new ArrayList<>(words);
            for (int c = 0; c < changes; c++) {
                copy.set(random.nextInt(copy.size()), "x" + random.nextInt(100000));
            }
            long[] a = Shingles.of(base, 5);
            long[] b = Shingles.of(String.join(" ", copy), 5);
            double exact = Shingles.jaccard(a, b);
            double estimate = MinHasher.estimate(hasher.signature(a), hasher.signature(b));
            double se = Math.sqrt(exact * (1 - exact) / 256);
            assertThat(estimate).as("changes=%d exact=%.3f", changes, exact).isCloseTo(exact, within(3 * se + 1e-9));
            sumError += estimate - exact;
            checked++;
        }
        // unbiased: the errors do not all lean one way
        assertThat(Math.abs(sumError / checked)).isLessThan(0.03);
    }

    @Test
    void the_8_bit_sketch_estimates_jaccard_as_the_full_signature_does() {
        Random random = new Random(3);
        MinHasher hasher = new MinHasher(128, 42);
        double unrelatedSum = 0;
        for (int trial = 0; trial < 40; trial++) {
            List<String> words = new ArrayList<>();
            List<String> other = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                words.add("w" + random.nextInt(5000));
                other.add("v" + random.nextInt(5000));
            }
            List<String> copy = new ArrayList<>(words);
            for (int c = 0, changes = random.nextInt(12); c < changes; c++) {
                copy.set(random.nextInt(copy.size()), "x" + random.nextInt(100000));
            }
            long[] a = hasher.signature(Shingles.of(String.join(" ", words), 5));
            long[] b = hasher.signature(Shingles.of(String.join(" ", copy), 5));
            long[] c = hasher.signature(Shingles.of(String.join(" ", other), 5));
            // a pair differs from the full estimate only where two different minima share their low 8 bits
            assertThat(MinHasher.estimate(MinHasher.sketch(a), MinHasher.sketch(b)))
                    .isCloseTo(MinHasher.estimate(a, b), within(3.0 / 128));
            unrelatedSum += MinHasher.estimate(MinHasher.sketch(a), MinHasher.sketch(c));
        }
        // unrelated texts agree on 1/256 of the 8-bit slots by chance, which the estimate takes off
        assertThat(unrelatedSum / 40).isCloseTo(0, within(0.003));
        long[] a = hasher.signature(Shingles.of("one two three four five six seven eight nine ten", 3));
        assertThat(MinHasher.estimate(MinHasher.sketch(a), MinHasher.sketch(a))).isEqualTo(1.0);
    }

    @Test
    void identical_sets_agree_on_every_slot_and_disjoint_sets_on_almost_none() {
        MinHasher hasher = new MinHasher(128, 1);
        long[] a = Shingles.of("one two three four five six seven eight nine ten", 3);
        long[] b = Shingles.of("alpha beta gamma delta epsilon zeta eta theta iota kappa", 3);
        assertThat(MinHasher.estimate(hasher.signature(a), hasher.signature(a))).isEqualTo(1.0);
        assertThat(MinHasher.estimate(hasher.signature(a), hasher.signature(b))).isLessThan(0.05);
    }

    @Test
    void the_same_seed_gives_the_same_permutations_on_every_worker() {
        long[] s = Shingles.of("a b c d e f g", 2);
        assertThat(new MinHasher(64, 9).signature(s)).isEqualTo(new MinHasher(64, 9).signature(s));
        assertThat(new MinHasher(64, 9).signature(s)).isNotEqualTo(new MinHasher(64, 10).signature(s));
    }

    @Test
    void the_modular_hash_matches_big_integer_arithmetic() {
        Random random = new Random(3);
        BigInteger p = BigInteger.valueOf(MinHasher.PRIME);
        for (int i = 0; i < 10_000; i++) {
            long a = Math.floorMod(random.nextLong(), MinHasher.PRIME);
            long x = Math.floorMod(random.nextLong(), MinHasher.PRIME);
            long b = Math.floorMod(random.nextLong(), MinHasher.PRIME);
            long expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(x)).add(BigInteger.valueOf(b)).mod(p)
                    .longValueExact();
            assertThat(MinHasher.mulAddMod(a, x, b)).isEqualTo(expected);
        }
    }

    @Test
    void shingles_ignore_case_and_spacing_and_a_short_text_is_one_shingle() {
        assertThat(Shingles.of("The  Cat sat ON the mat", 2)).isEqualTo(Shingles.of("the cat sat on the\nmat", 2));
        assertThat(Shingles.of("two words", 5)).hasSize(1);
        assertThat(Shingles.of("a b a b a b", 2)).hasSize(2);
    }
}
