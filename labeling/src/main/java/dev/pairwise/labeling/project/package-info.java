/**
 * Labeling projects: guidelines, K, overlap, order randomization, lease length.
 */
@NullMarked
package dev.pairwise.labeling.project;

import org.jspecify.annotations.NullMarked;
