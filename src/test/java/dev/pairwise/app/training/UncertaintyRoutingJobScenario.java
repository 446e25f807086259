package dev.pairwise.app.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import dev.pairwise.app.corpora.CorpusStore;
import dev.pairwise.app.jobs.AwaitJobs;
import dev.pairwise.app.jobs.JobRequest;
import dev.pairwise.app.jobs.JobService;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.JobView;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.labeling.Fixtures;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.judgment.JudgmentService;
import dev.pairwise.labeling.judgment.SubmitJudgment;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.project.Routing;
import dev.pairwise.labeling.quality.QualitySettings;
import dev.pairwise.labeling.quality.QualitySettingsService;
import dev.pairwise.labeling.task.AssignmentService;
import dev.pairwise.labeling.task.NextTask;
import dev.pairwise.labeling.task.TaskMargins;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.rewardmodel.RewardMargin;
import dev.pairwise.rewardmodel.RewardModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Uncertainty-first routing end to end (issue 13, item 6): a tiny GPT reward model trained by a
 * REWARD job on a project with UNCERTAINTY routing scores the project's open tasks when it
 * finishes; the stored margins match the saved model's own scores, and tasks/next then hands the
 * open tasks out smallest margin first. A FIFO project's tasks stay unscored. Run on H2 and
 * PostgreSQL by the subclasses.
 */
abstract class UncertaintyRoutingJobScenario {

    static final Path ROOT;

    static {
        try {
            ROOT = Files.createTempDirectory("pairwise-routing-job");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("pairwise.jobs.checkpoint-dir", () -> ROOT.resolve("checkpoints").toString());
        registry.add("pairwise.jobs.corpus-dir", () -> ROOT.resolve("corpora").toString());
    }

    @AfterAll
    static void removeFolders() throws IOException {
        try (Stream<Path> paths = Files.walk(ROOT)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Autowired
    ApplicationContext ctx;
    @Autowired
    JobService jobs;
    @Autowired
    ModelRegistry registry;
    @Autowired
    CorpusStore corpora;
    @Autowired
    QualitySettingsService settings;
    @Autowired
    AssignmentService assignment;
    @Autowired
    JudgmentService judgments;
    @Autowired
    TaskMargins margins;

    @Test
    void a_reward_job_refreshes_the_margins_and_next_hands_out_the_smallest_first() throws Exception {
        Fixtures f = new Fixtures(ctx);
        ProjectView uncertain = f.project(3, 1);
        List<Long> tasks = f.prompts(uncertain.id(), 8, 3).stream().map(a -> a.taskId()).toList();
        settings.update(uncertain.id(), new QualitySettings(0, 0.7, false, 0.34, 0, Routing.UNCERTAINTY));
        ProjectView fifo = f.project(3, 1);
        List<Long> fifoTasks = f.prompts(fifo.id(), 3, 3).stream().map(a -> a.taskId()).toList();
        long labeler = f.account(Role.LABELER);
        // Before any reward model every task is unscored: the first three go out oldest first.
        List<Long> judged = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            judged.add(rank(uncertain.id(), labeler));
        }
        assertThat(judged).containsExactlyElementsOf(tasks.subList(0, 3));
        rank(fifo.id(), labeler);

        long base = baseModel();
        JobView reward = succeeded(jobs.submit(new JobRequest(JobType.REWARD, """
                {"backbone": "gpt", "baseCheckpoint": %d, "projectId": %d, "batchSize": 2, "learningRate": 1e-3,
                 "epochs": 2}""".formatted(base, uncertain.id()), "routing-it")));
        assertThat(reward.logTail()).contains("margins of 5 open tasks refreshed");
        List<Long> open = tasks.subList(3, 8);
        Map<Long, Double> stored = new HashMap<>();
        for (Long t : open) {
            stored.put(t, margins.margin(t));
        }
        assertThat(stored.values()).doesNotContainNull();
        for (Long t : judged) {
            assertThat(margins.margin(t)).as("a completed task is not scored").isNull();
        }
        // The stored margins are the saved model's own: recomputed here from the checkpoint.
        CheckpointView rm = registry.list(null).stream().filter(c -> c.jobId() != null && c.jobId() == reward.id())
                .findFirst().orElseThrow();
        try (RewardModel model = RewardModel.load(Path.of(rm.path()), Device.cpu())) {
            for (TaskMargins.OpenTask t : margins.openTasks(uncertain.id(), 0, 100)) {
                float[] s = model.score(t.responses().stream().map(r -> Turn.user(t.prompt())).toList(), t.responses());
                assertThat(stored.get(t.taskId())).isCloseTo(RewardMargin.smallestGap(t.responses(), s), within(1e-4));
            }
        }
        List<Long> expected = open.stream().sorted(Comparator.comparing(stored::get)).toList();
        List<Long> handedOut = new ArrayList<>();
        for (Optional<NextTask> n = assignment.next(uncertain.id(), labeler); n.isPresent();
                n = assignment.next(uncertain.id(), labeler)) {
            handedOut.add(n.get().taskId());
            submit(labeler, n.get());
        }
        assertThat(handedOut).containsExactlyElementsOf(expected);

        JobView fifoReward = succeeded(jobs.submit(new JobRequest(JobType.REWARD, """
                {"backbone": "gpt", "baseCheckpoint": %d, "projectId": %d, "batchSize": 2}"""
                .formatted(base, fifo.id()), "routing-it")));
        assertThat(fifoReward.logTail()).doesNotContain("margins of");
        for (Long t : fifoTasks) {
            assertThat(margins.margin(t)).isNull();
        }
    }

    /** A tiny character-level GPT: TOKENIZER then a few PRETRAIN steps. */
    private long baseModel() throws InterruptedException {
        String name = "routing-" + UUID.randomUUID() + ".txt";
        corpora.save(name, new ByteArrayInputStream(TrainingJobsIT.corpusText().getBytes(StandardCharsets.UTF_8)));
        JobView tok = succeeded(jobs.submit(new JobRequest(JobType.TOKENIZER,
                "{\"corpus\": \"" + name + "\", \"algorithm\": \"char\"}", "routing-it")));
        JobView pretrain = succeeded(jobs.submit(new JobRequest(JobType.PRETRAIN, """
                {"corpus": "%s", "tokenizerCheckpoint": %d, "steps": 4, "batchSize": 2, "warmupSteps": 1}"""
                .formatted(name, producedBy(tok)), "routing-it")));
        return producedBy(pretrain);
    }

    private long producedBy(JobView job) {
        return registry.list(null).stream().filter(c -> c.jobId() != null && c.jobId() == job.id())
                .findFirst().orElseThrow().id();
    }

    private long rank(long project, long labeler) {
        NextTask t = assignment.next(project, labeler).orElseThrow();
        submit(labeler, t);
        return t.taskId();
    }

    private void submit(long labeler, NextTask t) {
        judgments.submit(labeler, new SubmitJudgment(t.taskId(), UUID.randomUUID().toString(), t.presentedOrder(),
                t.presentedOrder().stream().map(List::of).toList(), null, null, false, null, null, null));
    }

    private JobView succeeded(JobView job) throws InterruptedException {
        return AwaitJobs.succeeded(jobs, job.id(), Duration.ofSeconds(180));
    }
}
