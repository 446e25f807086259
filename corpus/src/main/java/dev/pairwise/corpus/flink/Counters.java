package dev.pairwise.corpus.flink;

/** Names of the job's accumulators: what the report is built from after the job. */
final class Counters {

    static final String DOCS_IN = "docs_in";
    /** Characters of input lines read so far: the progress of the reading phase. */
    static final String CHARS_READ = "chars_read";
    static final String LANGUAGE_REMOVED = "language_removed";
    static final String QUALITY_REMOVED = "quality_removed";
    static final String EXACT_DUPLICATES = "exact_duplicates";
    static final String NEAR_DUPLICATES = "near_duplicates";
    static final String PERPLEXITY_REMOVED = "perplexity_removed";
    static final String PERPLEXITY_SCORED = "perplexity_scored";
    static final String PII_REPLACED = "pii_replaced";
    static final String PII_DOCS = "pii_documents";
    static final String DOCS_OUT = "docs_out";
    /** {@link CountMap}s. */
    static final String LANGUAGES = "language_histogram";
    static final String QUALITY_RULES = "quality_rules";
    static final String EXACT_CLUSTERS = "exact_cluster_sizes";
    static final String NEAR_CLUSTERS = "near_cluster_sizes";
    static final String PERPLEXITY_THRESHOLD = "perplexity_threshold";
    /** {@link Examples} per stage: {@code examples.<stage>}. */
    static final String EXAMPLES = "examples.";

    private Counters() {
    }
}
