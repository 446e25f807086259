package dev.pairwise.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.app.registry.NewCheckpoint;
import dev.pairwise.labeling.InvalidInputException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

// The same context as JobRunnerTest (same classes and properties, every one of them), so Spring
// reuses it. A context that differed in one property would be a second app on the same in-memory
// database, whose job runner claimed JobRunnerTest's queued jobs (seen: "queued" gauge 0).
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
class ModelRegistryTest {

    @Autowired
    ModelRegistry registry;
    @Autowired
    JobService jobs;
    @Autowired
    CountingTrainer trainer;
    @Autowired
    TrainingJobRepository jobRows;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private CheckpointView register(CheckpointKind kind, Long parent, Long job, String metrics) {
        return registry.register(new NewCheckpoint(unique(kind.name().toLowerCase()), kind, "/ckpt/x", parent, job, metrics));
    }

    @Test
    void a_checkpoint_keeps_its_kind_parent_job_and_headline_metrics() throws Exception {
        trainer.pairs.clear();
        trainer.pairs.add(5L);
        CheckpointView sft = register(CheckpointKind.SFT, null, null, null);
        long job = jobs.submit(new JobRequest(JobType.REWARD, "{\"baseCheckpoint\": " + sft.id() + ", \"steps\": 1}", null)).id();
        CheckpointView rm = register(CheckpointKind.REWARD, sft.id(), job, "{\"heldOutAccuracy\": 0.72}");

        CheckpointView read = registry.get(rm.id());
        assertThat(read.kind()).isEqualTo(CheckpointKind.REWARD);
        assertThat(read.parentId()).isEqualTo(sft.id());
        assertThat(read.jobId()).isEqualTo(job);
        assertThat(read.metrics()).isEqualTo("{\"heldOutAccuracy\": 0.72}");
        assertThat(jobs.datasetIds(read.jobId())).containsExactly(5L); // what it was trained on
        assertThat(registry.list(CheckpointKind.REWARD)).extracting(CheckpointView::id).contains(rm.id())
                .doesNotContain(sft.id());
        assertThat(sft.metrics()).isEqualTo("{}");
        assertThat(registry.findByName(rm.name())).contains(read);
        assertThat(registry.findByName(rm.name() + "-not")).isEmpty();
    }

    @Test
    void a_job_publishes_the_checkpoint_it_made_with_its_parent_and_metrics() throws Exception {
        trainer.pairs.clear();
        trainer.pairs.addAll(java.util.List.of(8L, 9L));
        CheckpointView base = register(CheckpointKind.BASE, null, null, null);
        long job = jobs.submit(new JobRequest(JobType.REWARD,
                "{\"baseCheckpoint\": " + base.id() + ", \"steps\": 3, \"publish\": true}", null)).id();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (jobs.get(job).status() != JobStatus.SUCCEEDED && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        JobView done = jobs.get(job);
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        CheckpointView made = registry.list(CheckpointKind.REWARD).stream()
                .filter(c -> Long.valueOf(job).equals(c.jobId())).findFirst().orElseThrow();
        assertThat(made.name()).isEqualTo("reward-job" + job + "-final");
        assertThat(made.parentId()).isEqualTo(base.id());
        assertThat(made.metrics()).contains("heldOutAccuracy");
        assertThat(made.path()).isEqualTo(done.checkpointPath());
        assertThat(jobs.datasetIds(made.jobId())).containsExactly(8L, 9L);
    }

    @Test
    void bad_registrations_are_refused_naming_the_field_and_nothing_is_stored() {
        CheckpointView taken = register(CheckpointKind.BASE, null, null, null);
        int before = registry.list(null).size();
        assertRefused(new NewCheckpoint(" ", CheckpointKind.BASE, "/p", null, null, null), "name");
        assertRefused(new NewCheckpoint(taken.name(), CheckpointKind.BASE, "/p", null, null, null), "name");
        assertRefused(new NewCheckpoint(unique("k"), null, "/p", null, null, null), "kind");
        assertRefused(new NewCheckpoint(unique("p"), CheckpointKind.BASE, "", null, null, null), "path");
        assertRefused(new NewCheckpoint(unique("q"), CheckpointKind.SFT, "/p", 987_654L, null, null), "parentId");
        assertRefused(new NewCheckpoint(unique("r"), CheckpointKind.SFT, "/p", null, 987_654L, null), "jobId");
        assertRefused(new NewCheckpoint(unique("s"), CheckpointKind.SFT, "/p", null, null, "[0.7]"), "metrics");
        // standard JSON only: the API parses stored metrics with a default mapper
        assertRefused(new NewCheckpoint(unique("t"), CheckpointKind.SFT, "/p", null, null, "{\"loss\": NaN}"), "metrics");
        assertThat(registry.list(null)).hasSize(before);
    }

    @Test
    void a_job_on_a_missing_checkpoint_or_one_of_the_wrong_kind_is_refused_before_it_is_queued() {
        trainer.pairs.clear();
        trainer.pairs.add(5L);
        CheckpointView reward = register(CheckpointKind.REWARD, null, null, null);
        CheckpointView sft = register(CheckpointKind.SFT, null, null, null);
        long before = jobRows.count();
        assertThatThrownBy(() -> jobs.submit(new JobRequest(JobType.REWARD, "{\"baseCheckpoint\": 987654}", null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("987654 does not exist")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("config.baseCheckpoint");
        assertThatThrownBy(() -> jobs.submit(new JobRequest(JobType.REWARD, "{\"baseCheckpoint\": " + reward.id() + "}", null)))
                .hasMessageContaining("is a REWARD checkpoint; baseCheckpoint takes BASE or SFT");
        // No baseCheckpoint is no error any more: the default backbone (all-MiniLM-L6-v2) needs none;
        // RewardExecutor.prepare refuses it missing for the gpt backbone.
        assertThatThrownBy(() -> jobs.submit(new JobRequest(JobType.REWARD, "{\"baseCheckpoint\": \"" + sft.name() + "\"}", null)))
                .hasMessageContaining("must be a checkpoint id");
        assertThat(jobRows.count()).isEqualTo(before);
    }

    private void assertRefused(NewCheckpoint c, String field) {
        assertThatThrownBy(() -> registry.register(c)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo(field);
    }
}
