/**
 * Imports: prompts with responses (JSONL, CSV) and pre-judged pairs (HH-RLHF, TRL), whole or not
 * at all, with bad lines reported by number and reason.
 */
@NullMarked
package dev.pairwise.labeling.importing;

import org.jspecify.annotations.NullMarked;
