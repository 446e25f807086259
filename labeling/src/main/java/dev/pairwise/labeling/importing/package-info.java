/**
 * Imports: prompts with responses (JSONL, CSV) and pre-judged pairs (HH-RLHF, TRL), whole or not
 * at all, with bad lines reported by number and reason. The formats themselves are read by
 * {@code dev.pairwise.formats}, shared with the command line; this package adds what a project
 * stores (its K, text limits, distinct responses, margins in tiers) and the reporting by line.
 */
@NullMarked
package dev.pairwise.labeling.importing;

import org.jspecify.annotations.NullMarked;
