/**
 * Uploaded training corpora ({@link dev.pairwise.app.corpora.CorpusStore}, under
 * {@code pairwise.jobs.corpus-dir}, default {@code ./data/corpora}): plain text or JSON Lines
 * files, checked whole before they are kept, and the cleaned corpora CORPUS jobs make, with their
 * cleaning report and lineage. Tokenizer and pretraining jobs name a corpus in their
 * {@code corpus} field. Files only: nothing here knows the job queue or the database.
 */
@NullMarked
package dev.pairwise.app.corpora;

import org.jspecify.annotations.NullMarked;
