/**
 * Pretraining corpus cleaning: language identification, exact and MinHash/LSH
 * near-duplicate removal, quality heuristics, perplexity scoring and PII scrubbing, run as one
 * Flink batch job. Plain Java + Flink (+ DJL through {@code policy} for perplexity): no Spring,
 * no JPA, no command-line parsing, so the app, the command line and a cluster run the same code.
 */
@NullMarked
package dev.pairwise.corpus;

import org.jspecify.annotations.NullMarked;
