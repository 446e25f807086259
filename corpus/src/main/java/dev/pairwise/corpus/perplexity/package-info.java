/**
 * Quality scoring by a small language model, as CCNet does (Wenzek et al. 2020): the per-token
 * perplexity of each document under one of our GPT checkpoints, and the percentile threshold.
 */
@NullMarked
package dev.pairwise.corpus.perplexity;

import org.jspecify.annotations.NullMarked;
