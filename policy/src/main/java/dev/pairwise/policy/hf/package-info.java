/**
 * Hugging Face checkpoints in: a folder with {@code config.json} and {@code model.safetensors}
 * (or shards listed by {@code model.safetensors.index.json}) of a Llama-family model becomes a
 * {@link dev.pairwise.policy.model.GptModel} with grouped-query attention, every tensor mapped
 * by its Hugging Face name. Architectures or tensors this project cannot reproduce exactly are
 * refused with a message naming them.
 */
@NullMarked
package dev.pairwise.policy.hf;

import org.jspecify.annotations.NullMarked;
