/**
 * SFT demonstrations and their review (draft, submitted, approved or rejected).
 */
@NullMarked
package dev.pairwise.labeling.demo;

import org.jspecify.annotations.NullMarked;
