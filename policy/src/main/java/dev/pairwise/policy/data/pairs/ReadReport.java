package dev.pairwise.policy.data.pairs;

import java.util.List;

/**
 * What a reader kept and what it skipped: pairs whose chosen and rejected texts are identical
 * (no preference to learn; 2 in HH-RLHF helpful-base test, 32 in helpful-rejection-sampled) and
 * records with an empty prompt or response.
 */
public record ReadReport<T>(List<T> records, int skippedIdentical, int skippedEmpty) {

    public ReadReport {
        records = List.copyOf(records);
    }

    /** Records read, kept or not. */
    public int total() {
        return records.size() + skippedIdentical + skippedEmpty;
    }
}
