/**
 * Judgments (a ranking stored once) and their expansion into preference pairs, grouped by
 * judgment as in InstructGPT (Ouyang et al., 2022); per-response Likert ratings and flags.
 */
@NullMarked
package dev.pairwise.labeling.judgment;

import org.jspecify.annotations.NullMarked;
