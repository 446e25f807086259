/**
 * The model registry ({@code model_checkpoints}): every checkpoint with its kind, its parent, the
 * job that made it (hence that job's dataset snapshot) and its headline metrics, written once and
 * never changed. {@link dev.pairwise.app.registry.ModelRegistry} registers and reads them,
 * {@link dev.pairwise.app.registry.CheckpointArchive} zips a checkpoint's folder for a download.
 *
 * <p>Jobs publish what they made here; trainers, samplers, AI labelers and the OpenAI-compatible
 * endpoint load checkpoints by their registry id. The registry itself knows nothing of the job
 * queue: a checkpoint names its job by id only.
 */
@NullMarked
package dev.pairwise.app.registry;

import org.jspecify.annotations.NullMarked;
