package dev.pairwise.corpus.flink;

/** One LSH band of one document: the bucket it hashes to, and the document. */
public class Band {

    public long bucket;
    public long key;
    public String id = "";

    public Band() {
    }

    Band(long bucket, long key, String id) {
        this.bucket = bucket;
        this.key = key;
        this.id = id;
    }
}
