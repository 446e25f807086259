/**
 * Streamed exports of pairs (TRL, HH-RLHF) and demonstrations (prompt/completion, messages).
 */
@NullMarked
package dev.pairwise.labeling.export;

import org.jspecify.annotations.NullMarked;
