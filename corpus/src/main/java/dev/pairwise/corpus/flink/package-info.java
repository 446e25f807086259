/**
 * The cleaning pipeline written once on Apache Flink's DataStream API in batch execution: the
 * same job graph runs on an embedded MiniCluster or is submitted to a remote cluster.
 */
@NullMarked
package dev.pairwise.corpus.flink;

import org.jspecify.annotations.NullMarked;
