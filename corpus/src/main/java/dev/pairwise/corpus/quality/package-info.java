/**
 * Document quality heuristics in the spirit of Gopher (Rae et al. 2021, appendix A) and C4
 * (Raffel et al. 2020): each rule has its threshold and a name the report counts removals under.
 */
@NullMarked
package dev.pairwise.corpus.quality;

import org.jspecify.annotations.NullMarked;
