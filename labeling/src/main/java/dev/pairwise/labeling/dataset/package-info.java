/**
 * Read-only access to the rows training jobs learn from: the ids a job freezes as its
 * dataset snapshot at submission, and later the texts of exactly those ids. Plain JDBC reads in
 * id chunks, no persistence context; nothing here writes.
 */
@NullMarked
package dev.pairwise.labeling.dataset;

import org.jspecify.annotations.NullMarked;
