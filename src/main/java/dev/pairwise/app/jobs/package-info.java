/**
 * Training jobs: a persisted queue worked by one training thread.
 *
 * <p><b>Design.</b> {@link dev.pairwise.app.jobs.JobService} is the API and the transaction
 * boundary. {@code submit} checks everything first — the type has an installed
 * {@link dev.pairwise.app.jobs.JobExecutor}, the config is a JSON object that passes the
 * executor's field declarations ({@link dev.pairwise.app.jobs.config.JobSettings}, read once here
 * and once when the job runs), the executor's own {@code prepare} accepts it and returns the ids
 * of the rows the job reads — then stores the job QUEUED with those ids as its frozen dataset
 * snapshot ({@code job_dataset_items}); an empty snapshot for a type that trains on stored data
 * is refused. Any refusal is an {@code InvalidInputException} naming the
 * field, and nothing is stored.
 *
 * <p>{@code JobRunner} owns one single-thread executor ("pairwise-training"), started on
 * {@code ApplicationReadyEvent} and stopped on shutdown. It claims the oldest QUEUED row with a
 * guarded UPDATE, runs its executor with a {@link dev.pairwise.app.jobs.JobContext} that stores
 * each report at once (progress + ETA, metric points, a 100-line log tail, the latest checkpoint),
 * and ends the row SUCCEEDED, FAILED (with the error) or CANCELLED. All writes after submission
 * are guarded single-statement UPDATEs, so a cancel and a progress report never overwrite each
 * other. Cancel: QUEUED → CANCELLED at once; RUNNING → {@code cancel_requested}, signalled to the
 * context after commit (and, on another instance, seen by its next poll), CANCELLED when the
 * executor returns; finished jobs are left alone.
 *
 * <p>Several instances: app instances that share one database share the queue. A claim
 * records the instance ({@code pairwise.instance-id}), a lease ({@code lease_expires_at}) and the
 * claim's number ({@code attempts}); a keeper thread renews the lease every heartbeat while the job
 * runs, and every poll interval passes on cancels, wakes the worker for jobs queued elsewhere and
 * recovers RUNNING rows whose lease ran out. Every write of a run names its claim, so a run whose
 * lease ran out (and whose job another instance took) changes nothing and is told to stop.
 *
 * <p>Recovery: a RUNNING row whose lease ran out is CANCELLED (if a cancel was asked), re-queued to
 * resume from its {@code checkpoint_path} (if its executor {@code supportsResume()}), or FAILED
 * with the reason, by whichever instance sees it first. A shutdown interrupts the running job and
 * releases its lease, so another instance (or the next start) resumes it at once; at start, an
 * instance voids the leases its own id held before (a configured id that restarted).
 *
 * <p>Meters ({@code JobMetrics}): {@code pairwise.jobs.queued}, {@code pairwise.jobs.running},
 * {@code pairwise.jobs.finished{status}}, {@code pairwise.jobs.step.time},
 * {@code pairwise.jobs.last.loss}. Checkpoints go under {@code pairwise.jobs.checkpoint-dir}
 * (default {@code ./data/checkpoints}), one folder per job.
 *
 * <p>Checkpoints in and out: the model registry is {@code dev.pairwise.app.registry}, which this
 * package uses but which does not use it. {@code CheckpointInputs} checks the config fields that
 * hold the registry ids a job starts from (an executor's CHECKPOINT fields: {@code baseCheckpoint},
 * {@code policyCheckpoint}, {@code rewardCheckpoint}, {@code tokenizerCheckpoint}...) against the
 * kinds each field declares; submission refuses an unknown id or one of the wrong kind. A running
 * job registers what it made with {@code JobContext.publish(kind, dir, parentId, metrics)}.
 *
 * <p>The executors live beside this package: {@code dev.pairwise.app.training} (tokenizer,
 * pretraining, SFT, reward model, DPO, PPO) and {@code dev.pairwise.app.sampling} (sampling into a
 * labeling project, evaluation of two policies); each describes its config with
 * {@link dev.pairwise.app.jobs.config.ConfigField}s ({@code dev.pairwise.app.jobs.config}, the
 * config schema), which the generic start form ({@code dev.pairwise.app.ui.jobs}) and
 * {@code /api/job-types} show. Uploaded corpora are kept by {@code dev.pairwise.app.corpora}.
 */
@NullMarked
package dev.pairwise.app.jobs;

import org.jspecify.annotations.NullMarked;
