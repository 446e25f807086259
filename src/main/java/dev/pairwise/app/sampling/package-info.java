/**
 * The closed loop's sampling and evaluation jobs.
 *
 * <p>{@link dev.pairwise.app.sampling.SampleExecutor} (job type SAMPLE) draws K responses per
 * prompt from a policy checkpoint (K = the target project's K) with the KV-cache sampler of
 * {@code dev.pairwise.policy.sample}, and opens one comparison task per prompt in the target
 * project. Every response's origin is MODEL, naming the checkpoint's registry name and the
 * sampling settings as JSON; labelers never see it ({@code ShownResponse} carries no origin).
 * Each batch of prompts is stored in one transaction ({@code TaskService.storeAll}), so a prompt
 * is stored with all its K responses or not at all; a cancelled or failed job keeps the batches
 * it finished. The settings name the job, so after a restart the job counts the prompts it
 * stored and goes on from there, drawing what an uninterrupted run would have drawn.
 *
 * <p>With {@code systems} a SAMPLE job draws each prompt's K responses from a mix of
 * {@link dev.pairwise.app.sampling.SystemDraw systems}: checkpoints in this JVM and model
 * connections over HTTP ({@code ConnectionClient}); {@link dev.pairwise.app.sampling.MixedSampling}
 * skips a prompt whose call failed, whole. EVAL takes a connection on either side.
 *
 * <p>{@link dev.pairwise.app.sampling.EvalExecutor} (job type EVAL) samples one response per
 * prompt from a policy A and an opponent B, scores both with a reward model and records A's win
 * rate (ties count half) and the mean rewards; optionally it opens a two-response task per prompt
 * in a battle project (K = 2) for blind human battles, whose verdicts feed the leaderboard.
 */
@NullMarked
package dev.pairwise.app.sampling;

import org.jspecify.annotations.NullMarked;
