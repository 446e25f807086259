/**
 * Tokenizers: byte-level BPE in the GPT-2 style ({@link dev.pairwise.policy.tokenizer.BpeTokenizer},
 * trained by {@link dev.pairwise.policy.tokenizer.BpeTrainer}) and the char-level tokenizer of the
 * nanoGPT baseline ({@link dev.pairwise.policy.tokenizer.CharTokenizer}), both saved as and loaded
 * from a Hugging Face {@code tokenizer.json} ({@link dev.pairwise.policy.tokenizer.Tokenizers}).
 */
@NullMarked
package dev.pairwise.policy.tokenizer;

import org.jspecify.annotations.NullMarked;
