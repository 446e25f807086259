package dev.pairwise.corpus.flink;

/** Two documents that share an LSH bucket: candidates for one near-duplicate cluster. */
public class Edge {

    public long a;
    public String aId = "";
    public long b;
    public String bId = "";

    public Edge() {
    }

    Edge(long a, String aId, long b, String bId) {
        this.a = a;
        this.aId = aId;
        this.b = b;
        this.bId = bId;
    }
}
