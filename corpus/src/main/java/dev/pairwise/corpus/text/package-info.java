/**
 * Text-level stages of corpus cleaning: the normal form and hash behind exact deduplication, and
 * the scrubbing of personal data (e-mail addresses, phone numbers, IP addresses).
 */
@NullMarked
package dev.pairwise.corpus.text;

import org.jspecify.annotations.NullMarked;
