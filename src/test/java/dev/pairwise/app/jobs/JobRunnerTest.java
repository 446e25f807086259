package dev.pairwise.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.labeling.InvalidInputException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
                "pairwise.jobs.checkpoint-dir=${java.io.tmpdir}/pairwise-jobs-test"})
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
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            JobView v = service.get(id);
            if (condition.test(v)) {
                return v;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("Job " + id + " never got there: " + service.get(id));
    }

    private JobView awaitStatus(long id, JobStatus status) throws InterruptedException {
        return await(id, v -> v.status() == status);
    }

    private double finished(JobStatus status) {
        return meters.get("pairwise.jobs.finished").tag("status", status.name()).counter().count();
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
        assertThat(finished(JobStatus.SUCCEEDED)).isEqualTo(succeededBefore + 1);
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
        JobView job = submit("{\"steps\": 200, \"stepMillis\": 3, \"checkpointEvery\": 5}");
        await(job.id(), v -> v.checkpointPath() != null && v.step() >= 12);
        runner.stop(); // the app stops: the trainer returns at its next check, the row stays RUNNING
        JobView stopped;
        try {
            stopped = service.get(job.id());
            assertThat(stopped.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(runner.recover()).containsExactly(new JobStore.Recovered(job.id(), JobStatus.QUEUED));
        } finally {
            runner.start();
        }
        long checkpointStep = Long.parseLong(Files.readString(Path.of(stopped.checkpointPath()).resolve("step")));
        JobView done = awaitStatus(job.id(), JobStatus.SUCCEEDED);
        assertThat(done.step()).isEqualTo(200);
        assertThat(trainer.lastRunOf(job.id()).startStep()).isEqualTo(checkpointStep).isGreaterThanOrEqualTo(10);
        assertThat(done.logTail()).contains("start at step 0").contains("start at step " + checkpointStep);
    }

    @Test
    void after_a_restart_a_running_job_that_cannot_resume_fails_with_the_reason() {
        // A row the last app instance left RUNNING (stored and claimed in one transaction, so the
        // worker never sees it queued).
        long id = tx.execute(s -> {
            TrainingJob row = repository.save(new TrainingJob(JobType.SAMPLE, "{}", List.of(7L), null,
                    java.time.Instant.now()));
            repository.claim(row.getId(), java.time.Instant.now());
            return row.getId();
        });
        double failedBefore = finished(JobStatus.FAILED);
        assertThat(runner.recover()).contains(new JobStore.Recovered(id, JobStatus.FAILED));
        JobView failed = service.get(id);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error()).isEqualTo("interrupted by restart");
        assertThat(finished(JobStatus.FAILED)).isEqualTo(failedBefore + 1);
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
        assertRefused(new JobRequest(JobType.REWARD, withBase("{\"steps\": 10, \"warmupSteps\": 11}"), null), "config.warmupSteps");
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
    @EntityScan(basePackageClasses = TrainingJob.class)
    @EnableJpaRepositories(basePackageClasses = TrainingJob.class)
    @Import({JobService.class, JobStore.class, JobRunner.class, JobExecutors.class, JobMetrics.class, ModelRegistry.class})
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
