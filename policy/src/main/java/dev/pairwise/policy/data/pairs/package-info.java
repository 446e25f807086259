/**
 * Training records of the alignment stages and their file readers: preference pairs (HH-RLHF
 * dialogues, TRL {@code prompt/chosen/rejected} strings or message lists), preference groups (all
 * pairs of one ranking, as InstructGPT trains on them) and SFT examples
 * ({@code prompt/completion} or {@code messages}), from plain or gzipped JSONL parsed by
 * {@code dev.pairwise.formats} (the same parsers as the app's import). Bad records are
 * counted and skipped or rejected with the file, line and field named; nothing is half-read.
 */
@NullMarked
package dev.pairwise.policy.data.pairs;

import org.jspecify.annotations.NullMarked;
