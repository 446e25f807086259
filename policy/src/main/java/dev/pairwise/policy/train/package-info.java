/**
 * Pretraining: the hyper-parameters, AdamW with decay on matrices only, global-norm clipping,
 * gradient accumulation, warmup + cosine schedule, evaluation, progress and cancellation.
 */
@NullMarked
package dev.pairwise.policy.train;

import org.jspecify.annotations.NullMarked;
