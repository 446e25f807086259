/**
 * Hugging Face checkpoints in: a folder with {@code config.json} and {@code model.safetensors}
 * (or shards listed by {@code model.safetensors.index.json}) of a Llama-family model (grouped-query
 * attention, rotary scaling) or a GPT-2 becomes a {@link dev.pairwise.policy.model.GptModel}, every tensor mapped
 * by its Hugging Face name. Architectures or tensors this project cannot reproduce exactly are
 * refused with a message naming them.
 */
@NullMarked
package dev.pairwise.policy.hf;

import org.jspecify.annotations.NullMarked;
