package dev.pairwise.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.app.registry.NewCheckpoint;
import dev.pairwise.labeling.InvalidInputException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(classes = JobRunnerTest.JobsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:jobs;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.jpa.hibernate.ddl-auto=validate",
                "spring.flyway.locations=classpath:db/migration",
                "spring.main.banner-mode=off",
                "pairwise.jobs.checkpoint-dir=${java.io.tmpdir}/pairwise-jobs-test",
                "pairwise.instance-id=runner-test",
                "pairwise.jobs.heartbeat-interval=200ms",
                "pairwise.jobs.lease-duration=5s",
                "pairwise.jobs.poll-interval=100ms"})
class JobRunnerTest {

    @Autowired
    JobService service;
    @Autowired
    JobRunner runner;
    @Autowired
    CountingTrainer trainer;
    @Autowired
    TrainingJobRepository repository;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ModelRegistry registry;

    private long base;

    @BeforeEach
    void somePairsAndABaseModel() {
        trainer.pairs.clear();
        trainer.pairs.addAll(List.of(11L, 12L, 13L));
        base = registry.register(new NewCheckpoint("base-" + UUID.randomUUID(), CheckpointKind.BASE,
                "/tmp/base", null, null, null)).id();
    }

    /** A REWARD job on the base model of this test; {@code config} is a JSON object. */
    private JobView submit(String config) {
        return service.submit(new JobRequest(JobType.REWARD, withBase(config), "tester"));
    }

    private String withBase(String config) {
        return config.replaceFirst("\\{", "{\"baseCheckpoint\": " + base + (config.matches("\\{\\s*}") ? "" : ", "));
    }

    private JobView await(long id, Predicate<JobView> condition) throws InterruptedException {
        return AwaitJobs.until(service, id, condition, Duration.ofSeconds(20));
    }

    private JobView awaitStatus(long id, JobStatus status) throws InterruptedException {
        return await(id, v -> v.status() == status);
    }

    private double finished(JobStatus status) {
        return meters.get("pairwise.jobs.finished").tag("status", status.name()).counter().count();
    }

    /**
     * Waits for the finished counter to reach {@code expected}: the runner counts a job after its
     * final status is committed, so a test that saw the status may be a moment ahead of the count.
     */
    private void awaitFinished(JobStatus status, double expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (finished(status) != expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(finished(status)).isEqualTo(expected);
    }

    @Test
    void a_job_goes_from_queued_to_running_to_succeeded_with_progress_metrics_log_and_checkpoint() throws Exception {
        double succeededBefore = finished(JobStatus.SUCCEEDED);
        JobView queued = submit("{\"steps\": 5}");
        assertThat(queued.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(queued.datasetKind()).isEqualTo(DatasetKind.PAIRS);
        assertThat(queued.submittedBy()).isEqualTo("tester");

        JobView done = awaitStatus(queued.id(), JobStatus.SUCCEEDED);
        assertThat(done.step()).isEqualTo(5);
        assertThat(done.total()).isEqualTo(5);
        assertThat(done.startedAt()).isNotNull();
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
        assertThat(done.checkpointPath()).endsWith("job-" + done.id() + "/step-4");
        assertThat(done.logTail()).contains("start at step 0 on 3 pairs");
        assertThat(done.error()).isNull();
        assertThat(service.recent(1)).extracting(JobView::id).containsExactly(done.id());
        assertThat(service.metrics(done.id())).extracting(MetricPoint::step).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(service.metrics(done.id()).getLast().value()).isEqualTo(0.2);
        awaitFinished(JobStatus.SUCCEEDED, succeededBefore + 1);
        assertThat(meters.get("pairwise.jobs.last.loss").gauge().value()).isEqualTo(0.2);
        assertThat(meters.get("pairwise.jobs.running").gauge().value()).isZero();
    }

    @Test
    void the_log_tail_keeps_the_last_hundred_lines() throws Exception {
        JobView done = awaitStatus(submit("{\"steps\": 150, \"stepMillis\": 0, \"logEveryStep\": true}").id(),
                JobStatus.SUCCEEDED);
        List<String> lines = List.of(done.logTail().split("\n"));
        assertThat(lines).hasSize(RunningContext.TAIL_LINES);
        assertThat(lines.getFirst()).isEqualTo("step 51");
        assertThat(lines.getLast()).isEqualTo("step 150");
    }

    @Test
    void a_trainer_that_throws_fails_its_job_with_the_reason() throws Exception {
        JobView failed = awaitStatus(submit("{\"steps\": 5, \"failAt\": 3}").id(), JobStatus.FAILED);
        assertThat(failed.error()).contains("loss is NaN at step 3");
        assertThat(failed.step()).isEqualTo(2);
    }

    @Test
    void jobs_run_one_at_a_time_in_the_order_they_were_submitted() throws Exception {
        List<Long> ids = List.of(submit("{\"steps\": 4}").id(), submit("{\"steps\": 4}").id(), submit("{\"steps\": 4}").id());
        List<JobView> done = ids.stream().map(id -> {
            try {
                return awaitStatus(id, JobStatus.SUCCEEDED);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertThat(trainer.startOrder.stream().filter(ids::contains).toList()).isEqualTo(ids);
        assertThat(trainer.maxActive.get()).isEqualTo(1);
        assertThat(done.get(1).startedAt()).isAfterOrEqualTo(done.get(0).finishedAt());
        assertThat(done.get(2).startedAt()).isAfterOrEqualTo(done.get(1).finishedAt());
    }

    @Test
    void cancel_works_while_queued_while_running_and_leaves_finished_jobs_alone() throws Exception {
        JobView running = submit("{\"steps\": 100000, \"stepMillis\": 2}");
        JobView waiting = submit("{\"steps\": 3}");
        JobView midway = await(running.id(), v -> v.status() == JobStatus.RUNNING && v.step() >= 3);
        assertThat(midway.total()).isEqualTo(100000);
        assertThat(midway.etaSeconds()).isPositive(); // ~100,000 steps of >= 2 ms left
        assertThat(meters.get("pairwise.jobs.running").gauge().value()).isEqualTo(1);
        assertThat(meters.get("pairwise.jobs.queued").gauge().value()).isGreaterThanOrEqualTo(1);

        JobView cancelledInQueue = service.cancel(waiting.id());
        assertThat(cancelledInQueue.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(cancelledInQueue.finishedAt()).isNotNull();

        JobView asked = service.cancel(running.id());
        assertThat(asked.cancelRequested()).isTrue();
        JobView cancelled = awaitStatus(running.id(), JobStatus.CANCELLED);
        assertThat(cancelled.step()).isLessThan(100000);
        assertThat(cancelled.error()).isNull();
        assertThat(trainer.startOrder).doesNotContain(waiting.id());

        JobView finished = awaitStatus(submit("{\"steps\": 1}").id(), JobStatus.SUCCEEDED);
        assertThat(service.cancel(finished.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void the_dataset_snapshot_is_frozen_at_submission() throws Exception {
        JobView blocker = submit("{\"steps\": 100000, \"stepMillis\": 2}");
        JobView job = submit("{\"steps\": 2}");
        trainer.pairs.add(14L);
        trainer.pairs.remove(11L);
        service.cancel(blocker.id());
        awaitStatus(job.id(), JobStatus.SUCCEEDED);
        assertThat(service.datasetIds(job.id())).containsExactly(11L, 12L, 13L);
        assertThat(trainer.lastRunOf(job.id()).dataset()).containsExactly(11L, 12L, 13L);
        assertThat(service.get(job.id()).datasetSize()).isEqualTo(3);
    }

    @Test
    void after_a_restart_a_running_job_resumes_from_its_last_checkpoint() throws Exception {
        // Held at step 12 until the stop: else the other 188 steps (1 to 3 s here) could end the
        // job before a slow test thread stops the runner, and the row would be SUCCEEDED, not RUNNING.
        JobView job = submit("{\"steps\": 200, \"stepMillis\": 3, \"checkpointEvery\": 5, \"holdAt\": 12}");
        await(job.id(), v -> v.checkpointPath() != null && v.step() >= 12);
        runner.stop(); // the app stops: the trainer returns at its next check, the row stays RUNNING
        JobView stopped;
        try {
            stopped = service.get(job.id());
            assertThat(stopped.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(stopped.leaseExpiresAt()).as("a stopping app releases its lease").isBeforeOrEqualTo(Instant.now());
            assertThat(runner.recover()).extracting(JobStore.Recovered::id, JobStore.Recovered::status)
                    .containsExactly(tuple(job.id(), JobStatus.QUEUED));
        } finally {
            runner.start();
        }
        long checkpointStep = Long.parseLong(Files.readString(Path.of(stopped.checkpointPath()).resolve("step")));
        JobView done = awaitStatus(job.id(), JobStatus.SUCCEEDED);
        assertThat(done.step()).isEqualTo(200);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.leaseExpiresAt()).isNull();
        assertThat(trainer.lastRunOf(job.id()).startStep()).isEqualTo(checkpointStep).isGreaterThanOrEqualTo(10);
        assertThat(done.logTail()).contains("start at step 0").contains("start at step " + checkpointStep);
    }

    /** A row as another app instance left it: RUNNING, claimed by {@code owner}, its lease running out at {@code until}. */
    private long runningElsewhere(JobType type, String config, String owner, Instant until) {
        return tx.execute(s -> {
            TrainingJob row = repository.save(new TrainingJob(type, config, List.of(11L, 12L), null, Instant.now()));
            repository.claim(row.getId(), owner, Instant.now(), until);
            return row.getId();
        });
    }

    @Test
    void a_running_job_whose_instance_stopped_cannot_resume_fails_with_the_reason() throws Exception {
        double failedBefore = finished(JobStatus.FAILED);
        long id = runningElsewhere(JobType.SAMPLE, "{}", "crashed-instance", Instant.now().minusSeconds(1));
        JobView failed = awaitStatus(id, JobStatus.FAILED); // the keeper's next poll recovers it
        assertThat(failed.error()).isEqualTo("interrupted: its app instance (crashed-instance) stopped, and SAMPLE jobs cannot resume");
        assertThat(failed.leaseExpiresAt()).isNull();
        awaitFinished(JobStatus.FAILED, failedBefore + 1);
    }

    @Test
    void the_job_of_an_instance_whose_lease_ran_out_is_taken_over_and_resumed_here() throws Exception {
        long id = runningElsewhere(JobType.REWARD, withBase("{\"steps\": 6}"), "crashed-instance",
                Instant.now().minusSeconds(1));
        JobView done = awaitStatus(id, JobStatus.SUCCEEDED);
        assertThat(done.claimedBy()).isEqualTo("runner-test");
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(trainer.runs.stream().filter(r -> r.jobId() == id)).hasSize(1);
    }

    @Test
    void a_job_another_live_instance_holds_is_left_alone() throws Exception {
        long id = runningElsewhere(JobType.REWARD, withBase("{}"), "live-instance", Instant.now().plusSeconds(3600));
        try {
            assertThat(runner.recover()).extracting(JobStore.Recovered::id).doesNotContain(id);
            Thread.sleep(300); // three polls of the keeper
            JobView held = service.get(id);
            assertThat(held.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(held.claimedBy()).isEqualTo("live-instance");
            assertThat(held.attempts()).isEqualTo(1);
            assertThat(trainer.runs.stream().filter(r -> r.jobId() == id)).isEmpty();
        } finally {
            tx.executeWithoutResult(s -> repository.finish(id, 1, JobStatus.CANCELLED, null, Instant.now()));
        }
    }

    @Test
    void a_cancel_stored_by_another_instance_reaches_the_running_job() throws Exception {
        JobView job = submit("{\"steps\": 100000, \"stepMillis\": 2}");
        await(job.id(), v -> v.status() == JobStatus.RUNNING && v.step() >= 3);
        // What JobService.cancel on another instance does: the flag in the row, no signal in this JVM.
        tx.executeWithoutResult(s -> repository.requestCancel(job.id()));
        JobView cancelled = awaitStatus(job.id(), JobStatus.CANCELLED);
        assertThat(cancelled.step()).isLessThan(100000);
    }

    @Test
    void a_run_whose_job_was_taken_over_stops_and_writes_nothing_more() throws Exception {
        JobView job = submit("{\"steps\": 100000, \"stepMillis\": 2}");
        JobView running = await(job.id(), v -> v.status() == JobStatus.RUNNING && v.step() >= 3);
        assertThat(running.claimedBy()).isEqualTo("runner-test");
        // Another instance found the lease run out (this one paused too long) and claimed the job.
        tx.executeWithoutResult(s -> {
            assertThat(repository.release(job.id(), 1, Instant.now().minusSeconds(1))).isOne();
            assertThat(repository.requeueAbandoned(job.id(), Instant.now())).isOne();
            assertThat(repository.claim(job.id(), "other-instance", Instant.now(), Instant.now().plusSeconds(3600))).isOne();
        });
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (trainer.runs.stream().noneMatch(r -> r.jobId() == job.id()) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            CountingTrainer.Run run = trainer.lastRunOf(job.id());
            assertThat(run.lastStep()).isLessThan(100000);
            JobView after = service.get(job.id());
            assertThat(after.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(after.claimedBy()).isEqualTo("other-instance");
            assertThat(after.attempts()).isEqualTo(2);
            assertThat(after.step()).as("no progress of the lost run lands after the takeover").isLessThanOrEqualTo(run.lastStep());
            Thread.sleep(300);
            assertThat(service.get(job.id()).step()).isEqualTo(after.step());
        } finally {
            tx.executeWithoutResult(s -> repository.finish(job.id(), 2, JobStatus.CANCELLED, null, Instant.now()));
        }
    }

    @Test
    void bad_requests_are_refused_naming_the_field_and_nothing_is_stored() {
        long before = repository.count();
        assertRefused(new JobRequest(null, "{}", null), "type");
        assertRefused(new JobRequest(JobType.PPO, "{}", null), "type"); // no trainer installed
        assertRefused(new JobRequest(JobType.REWARD, withBase("{steps: 3"), null), "config");
        assertRefused(new JobRequest(JobType.REWARD, "[1, 2]", null), "config");
        assertRefused(new JobRequest(JobType.REWARD, withBase("{\"steps\": 0}"), null), "config.steps");
        assertRefused(new JobRequest(JobType.REWARD, withBase("{\"steps\": 2.5}"), null), "config.steps");
        assertRefused(new JobRequest(JobType.REWARD, withBase("{\"learningRate\": 0}"), null), "config.learningRate");
        assertRefused(new JobRequest(JobType.REWARD, withBase("{\"checkpointEvery\": 0}"), null), "config.checkpointEvery");
        assertRefused(new JobRequest(JobType.REWARD, withBase("{\"margin\": \"wide\"}"), null), "config.margin");
        assertRefused(new JobRequest(JobType.SAMPLE, "{\"policyCheckpoint\": " + base + ", \"prompts\": []}", null), "dataset");
        trainer.pairs.clear();
        assertRefused(new JobRequest(JobType.REWARD, withBase("{}"), null), "dataset");
        assertThat(repository.count()).isEqualTo(before);
        assertThatThrownBy(() -> service.cancel(999_999)).hasMessageContaining("999999");
    }

    private void assertRefused(JobRequest request, String field) {
        assertThatThrownBy(() -> service.submit(request))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo(field);
    }

    // Nested in the test class, so the full app's component scan in other tests skips it.
    /** The job runner over H2 + Flyway with the two test executors; no web layer, no Vaadin. */
    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {
            "com.vaadin.flow.spring.SpringBootAutoConfiguration",
            "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
            "com.vaadin.flow.spring.VaadinApplicationConfiguration",
            "com.vaadin.flow.spring.VaadinScopesConfig",
            "com.vaadin.flow.spring.VaadinServletConfiguration"})
    @EntityScan(basePackageClasses = {TrainingJob.class, ModelRegistry.class})
    @EnableJpaRepositories(basePackageClasses = {TrainingJob.class, ModelRegistry.class})
    @Import({JobService.class, JobStore.class, JobRunner.class, JobExecutors.class, JobMetrics.class, ModelRegistry.class,
            JobLeases.class})
    static class JobsTestApplication {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        CountingTrainer countingTrainer() {
            return new CountingTrainer();
        }

        @Bean
        OneShotSampler oneShotSampler() {
            return new OneShotSampler();
        }
    }
}
