/**
 * Inter-labeler agreement on rankings, in plain Java (no Spring, JPA or labeling types), so the
 * REST API and the {@code agreement} command compute the same numbers by the same code: pairwise
 * agreement, Krippendorff's α (nominal) and Kendall's τ-b, overall and per labeler against the
 * leave-one-out consensus of the others. See {@link dev.pairwise.app.agreement.Agreement}.
 */
@NullMarked
package dev.pairwise.app.agreement;

import org.jspecify.annotations.NullMarked;
