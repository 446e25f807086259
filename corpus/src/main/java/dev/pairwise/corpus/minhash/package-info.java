/**
 * Near-duplicate detection: word n-gram shingles, MinHash signatures (Broder 1997) and
 * locality-sensitive hashing by bands (Leskovec, Rajaraman and Ullman, Mining of Massive
 * Datasets, ch. 3), with the number of bands and rows derived from a Jaccard threshold.
 */
@NullMarked
package dev.pairwise.corpus.minhash;

import org.jspecify.annotations.NullMarked;
