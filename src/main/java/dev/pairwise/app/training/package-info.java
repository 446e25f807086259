/**
 * The job executors of the real trainers: tokenizer, pretraining, SFT, reward model,
 * DPO and PPO, each a {@link dev.pairwise.app.jobs.JobExecutor} bean that maps the app's data to
 * the plain records of {@code dev.pairwise.policy} / {@code dev.pairwise.rewardmodel} and runs
 * the library trainer on the runner's training thread.
 *
 * <p><b>Contract, per executor.</b> {@code fields()} describes the config (defaults tiny enough
 * that a job on the demo data finishes in seconds on a 2-core CPU — researchers raise them);
 * {@code prepare} checks the config against those same fields ({@link dev.pairwise.app.jobs.config.JobSettings}) and returns the
 * frozen snapshot: approved demonstration ids (SFT), a project's preference pair ids (REWARD,
 * DPO), a project's prompt ids (PPO), nothing for the file-based TOKENIZER and PRETRAIN (which
 * check the corpus exists). {@code run} reads only the snapshot ids back
 * ({@code TrainingDataService}), reports progress, metrics under the trainers' TRL names and a
 * log through the context, stops when the job is cancelled (the trainers check the flag before
 * every step), saves the checkpoint folder the policy library loads under the job's folder and
 * registers it with its parent (the input checkpoint) and headline metrics.
 *
 * <p><b>Resume.</b> Every trainer except the tokenizer's (which takes a second) saves a resume
 * point every {@code checkpointEvery} steps (PPO: rounds) and when stopped ({@code ResumePoint});
 * after a restart it continues from there exactly, as the trainers draw batches and samples as
 * functions of (seed, step). DPO and PPO reload their frozen reference from the starting policy.
 * A cancelled job keeps its resume point on disk but registers nothing.
 *
 * <p>Deliberate simplifications: prompts become one user turn (the labeling domain stores plain
 * text prompts); no LoRA or packing options in the form yet (the trainers have them).
 */
@NullMarked
package dev.pairwise.app.training;

import org.jspecify.annotations.NullMarked;
