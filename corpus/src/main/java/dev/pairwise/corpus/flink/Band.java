package dev.pairwise.corpus.flink;

/**
 * One LSH band of one document: the bucket it hashes to, the document, and its 8-bit MinHash
 * sketch (one byte per permutation), with which bucket-mates are checked against the threshold.
 */
public class Band {

    public long bucket;
    public long key;
    public String id = "";
    public byte[] sketch = new byte[0];

    public Band() {
    }

    Band(long bucket, long key, String id, byte[] sketch) {
        this.bucket = bucket;
        this.key = key;
        this.id = id;
        this.sketch = sketch;
    }
}
