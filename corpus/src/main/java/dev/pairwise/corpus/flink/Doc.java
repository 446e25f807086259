package dev.pairwise.corpus.flink;

/**
 * A document on its way through the job: a Flink POJO (public fields, no-argument constructor), so
 * Flink serialises it field by field without Kryo. The same type carries the near-duplicate marks
 * that the union-find step sends back (no text, {@code removed} set), so one keyed reduce joins
 * them to their documents.
 */
public class Doc {

    /** Input order: file index × 2⁴⁰ + position in the file. Smaller is earlier; clusters keep the earliest. */
    public long key;
    /** The JSONL {@code id}, or {@code file:line} / {@code file#paragraph}. */
    public String id = "";
    public String text = "";
    /** ISO 639-1 code, {@code unknown}, or empty when language identification is off. */
    public String lang = "";
    public double langConfidence;
    /** Per-token perplexity; NaN when not scored. */
    public double perplexity = Double.NaN;
    /** Exact-duplicate key (normal-form hash). */
    public String hash = "";
    /** Documents with this normal form (1 = unique), summed by the exact-dedup reduce. */
    public int copies = 1;
    /** A near-duplicate mark: this key is to be removed. */
    public boolean removed;
    /** For a mark: the id of the document its cluster keeps. */
    public String keptId = "";

    public Doc() {
    }

    static Doc of(long key, String id, String text) {
        Doc d = new Doc();
        d.key = key;
        d.id = id;
        d.text = text;
        return d;
    }
}
