/** Language identification of documents with Lingua, and the keep decision on its confidence. */
@NullMarked
package dev.pairwise.corpus.lang;

import org.jspecify.annotations.NullMarked;
