package dev.pairwise.app.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.app.PairwiseApplication;
import dev.pairwise.app.corpora.CorpusStore;
import dev.pairwise.app.jobs.JobExecutor;
import dev.pairwise.app.jobs.JobRequest;
import dev.pairwise.app.jobs.AwaitJobs;
import dev.pairwise.app.jobs.JobService;
import dev.pairwise.app.jobs.JobStatus;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.JobView;
import dev.pairwise.app.jobs.MetricPoint;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.app.registry.NewCheckpoint;
import dev.pairwise.app.security.AccountAdminService;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.dataset.TrainingDataService;
import dev.pairwise.labeling.demo.DemoDraft;
import dev.pairwise.labeling.demo.DemonstrationService;
import dev.pairwise.labeling.judgment.JudgmentService;
import dev.pairwise.labeling.judgment.SubmitJudgment;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectSettings;
import dev.pairwise.labeling.task.AssignmentService;
import dev.pairwise.labeling.task.NextTask;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The loop as a researcher runs it from the app: tokenizer → pretraining → SFT → reward model →
 * DPO and PPO as background jobs on the demo project (prompts with four responses each, an
 * approved demonstration) plus a few judgments and approved demonstrations made here through the
 * labeling services. Tiny configs: the whole class trains for seconds on a CPU.
 */
@SpringBootTest(classes = PairwiseApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:trainingit;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
        "pairwise.demo.enabled=true"})
class TrainingJobsIT {

    static final Path ROOT;

    static {
        try {
            ROOT = Files.createTempDirectory("pairwise-training-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void removeFolders() throws IOException {
        try (Stream<Path> paths = Files.walk(ROOT)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("pairwise.jobs.checkpoint-dir", () -> ROOT.resolve("checkpoints").toString());
        registry.add("pairwise.jobs.corpus-dir", () -> ROOT.resolve("corpora").toString());
    }

    @Autowired
    JobService jobs;
    @Autowired
    ModelRegistry registry;
    @Autowired
    CorpusStore corpora;
    @Autowired
    ProjectService projects;
    @Autowired
    AssignmentService assignments;
    @Autowired
    JudgmentService judgments;
    @Autowired
    DemonstrationService demonstrations;
    @Autowired
    AccountAdminService accounts;
    @Autowired
    TrainingDataService data;
    @Autowired
    PretrainExecutor pretrainer;
    @Autowired
    SftExecutor sftTrainer;
    @Autowired
    RewardExecutor rewardTrainer;
    @Autowired
    DpoExecutor dpoTrainer;
    @Autowired
    PpoExecutor ppoTrainer;

    private JobView submit(JobType type, String config) {
        return jobs.submit(new JobRequest(type, config, "researcher"));
    }

    private JobView await(long id, Predicate<JobView> condition) throws InterruptedException {
        return AwaitJobs.until(jobs, id, condition, Duration.ofSeconds(90));
    }

    private JobView succeeded(JobView job) throws InterruptedException {
        JobView v = await(job.id(), j -> j.status().isFinal());
        assertThat(v.status()).as("%s job %d: %s\n%s", v.type(), v.id(), v.error(), v.logTail())
                .isEqualTo(JobStatus.SUCCEEDED);
        String[] log = v.logTail().split("\n");
        System.out.printf("%s job %d: %d ms, %d steps; %s%n", v.type(), v.id(),
                Duration.between(v.startedAt(), v.finishedAt()).toMillis(), v.step(), String.join(" | ", List.of(log).subList(Math.max(0, log.length - 2), log.length)));
        return v;
    }

    /** The checkpoint a job registered. */
    private CheckpointView producedBy(JobView job) {
        List<CheckpointView> made = registry.list(null).stream()
                .filter(c -> c.jobId() != null && c.jobId() == job.id()).toList();
        assertThat(made).hasSize(1);
        return made.getFirst();
    }

    private List<Double> series(JobView job, String name) {
        return jobs.metrics(job.id()).stream().filter(p -> p.name().equals(name)).map(MetricPoint::value).toList();
    }

    /** A small English-like corpus, different sentences so BPE has pairs to merge. */
    static String corpusText() {
        String[] subjects = {"the labeler", "a researcher", "the model", "our policy", "the reward model", "an admin"};
        String[] verbs = {"ranks", "reads", "writes", "compares", "prefers", "samples"};
        String[] objects = {"four answers", "a short reply", "the best response", "two summaries", "a clear commit message",
                "the prompt"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            sb.append(subjects[i % subjects.length]).append(' ').append(verbs[(i / 6) % verbs.length]).append(' ')
                    .append(objects[(i / 36 + i) % objects.length]).append(i % 5 == 0 ? ".\n" : ", and ");
        }
        return sb.toString();
    }

    private long tokenizer() throws InterruptedException {
        corpora.save("tiny.txt", new ByteArrayInputStream(corpusText().getBytes(StandardCharsets.UTF_8)));
        JobView tok = succeeded(submit(JobType.TOKENIZER, "{\"corpus\": \"tiny.txt\", \"vocabSize\": 300}"));
        CheckpointView c = producedBy(tok);
        assertThat(c.kind()).isEqualTo(CheckpointKind.TOKENIZER);
        assertThat(Path.of(c.path()).resolve("tokenizer.json")).isRegularFile();
        return c.id();
    }

    private long demoProject() {
        return projects.findByName("Demo: helpful answers").orElseThrow().id();
    }

    /** The demo labeler ranks {@code n} tasks, each response in its own tier (K=4: six pairs each). */
    private void rank(long project, int n) {
        long labeler = accounts.findByUsername("labeler").orElseThrow().getId();
        for (int i = 0; i < n; i++) {
            NextTask task = assignments.next(project, labeler).orElseThrow();
            List<List<Long>> tiers = task.presentedOrder().stream().map(List::of).toList();
            judgments.submit(labeler, new SubmitJudgment(task.taskId(), UUID.randomUUID().toString(),
                    task.presentedOrder(), tiers, null, null, false, null, null, null));
        }
    }

    private void approveDemonstrations(long project) {
        long admin = accounts.findByUsername("admin").orElseThrow().getId();
        long author = accounts.findByUsername("labeler").orElseThrow().getId(); // nobody approves their own
        String[][] demos = {
                {"Say hello to the labeler.", "Hello! Thank you for ranking the answers."},
                {"What does a reward model do?", "It scores a response to a prompt; higher means people prefer it."},
                {"Name a way to compare two answers.", "Rank them: the better one goes first."}};
        for (String[] d : demos) {
            long id = demonstrations.create(author, new DemoDraft(project, d[0], d[1], true)).id();
            demonstrations.review(admin, id, true, "fine");
        }
    }

    @Test
    void the_loop_runs_as_jobs_from_tokenizer_to_dpo_and_ppo() throws Exception {
        long project = demoProject();
        long tokenizer = tokenizer();

        JobView pretrain = succeeded(submit(JobType.PRETRAIN, """
                {"corpus": "tiny.txt", "tokenizerCheckpoint": %d, "steps": 30, "batchSize": 4, "learningRate": 0.003,
                 "warmupSteps": 4, "evalEvery": 0}""".formatted(tokenizer)));
        CheckpointView base = producedBy(pretrain);
        assertThat(base.kind()).isEqualTo(CheckpointKind.BASE);
        assertThat(base.parentId()).isEqualTo(tokenizer);
        assertThat(base.path()).isEqualTo(pretrain.checkpointPath());
        assertThat(base.metrics()).contains("\"val_loss\"");
        List<Double> loss = series(pretrain, "loss");
        assertThat(loss).hasSize(30);
        assertThat(loss.subList(25, 30).stream().mapToDouble(d -> d).average().orElseThrow())
                .isLessThan(loss.subList(0, 5).stream().mapToDouble(d -> d).average().orElseThrow() - 0.5);
        assertThat(series(pretrain, "val_loss")).hasSize(1);
        assertThat(series(pretrain, "tokens_per_s")).isNotEmpty();
        // where the model ran, on the job and in its log: this machine's CPU build of libtorch
        assertThat(pretrain.device()).startsWith("cpu (libtorch ").endsWith(", CPU build)");
        assertThat(pretrain.logTail()).contains("device: " + pretrain.device());

        approveDemonstrations(project);
        List<Long> approved = data.approvedDemonstrationIds(project);
        assertThat(approved).hasSize(4);
        JobView sft = succeeded(submit(JobType.SFT, """
                {"baseCheckpoint": %d, "projectId": %d, "epochs": 2, "batchSize": 2}""".formatted(base.id(), project)));
        assertThat(jobs.datasetIds(sft.id())).isEqualTo(approved);
        CheckpointView sftModel = producedBy(sft);
        assertThat(sftModel.kind()).isEqualTo(CheckpointKind.SFT);
        assertThat(sftModel.parentId()).isEqualTo(base.id());
        assertThat(series(sft, "loss")).isNotEmpty().allMatch(Double::isFinite);

        // The reward job waits behind a long pretraining; pairs ranked meanwhile are not in its snapshot.
        rank(project, 3);
        List<Long> pairsAtSubmit = data.pairIds(project);
        assertThat(pairsAtSubmit).hasSize(18);
        JobView blocker = submit(JobType.PRETRAIN, """
                {"corpus": "tiny.txt", "tokenizerCheckpoint": %d, "steps": 100000, "batchSize": 2, "warmupSteps": 1}"""
                .formatted(tokenizer));
        JobView reward = submit(JobType.REWARD, """
                {"backbone": "gpt", "baseCheckpoint": %d, "projectId": %d, "batchSize": 2, "learningRate": 1e-4}"""
                .formatted(sftModel.id(), project));
        rank(project, 1);
        assertThat(data.pairIds(project)).hasSize(24);
        await(blocker.id(), j -> j.status() == JobStatus.RUNNING && j.step() >= 2);
        jobs.cancel(blocker.id());
        JobView cancelled = await(blocker.id(), j -> j.status().isFinal());
        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(cancelled.checkpointPath()).as("a stopped pretraining leaves a resume point").isNotNull();
        assertThat(registry.list(null)).noneMatch(c -> c.jobId() != null && c.jobId() == blocker.id());

        reward = succeeded(reward);
        assertThat(jobs.datasetIds(reward.id())).isEqualTo(pairsAtSubmit);
        assertThat(reward.logTail()).contains("on 18 pairs in 3 judgments");
        assertThat(reward.device()).isEqualTo(pretrain.device());
        CheckpointView rewardModel = producedBy(reward);
        assertThat(rewardModel.kind()).isEqualTo(CheckpointKind.REWARD);
        assertThat(rewardModel.parentId()).isEqualTo(sftModel.id());
        assertThat(series(reward, "accuracy")).isNotEmpty();
        assertThat(series(reward, "rewards/margin")).isNotEmpty();

        JobView dpo = succeeded(submit(JobType.DPO, """
                {"policyCheckpoint": %d, "projectId": %d, "batchSize": 8}""".formatted(sftModel.id(), project)));
        assertThat(dpo.datasetSize()).isEqualTo(24);
        CheckpointView dpoPolicy = producedBy(dpo);
        assertThat(dpoPolicy.kind()).isEqualTo(CheckpointKind.POLICY);
        assertThat(dpoPolicy.parentId()).isEqualTo(sftModel.id());
        for (String name : List.of("loss", "rewards/chosen", "rewards/rejected", "rewards/margins", "rewards/accuracies",
                "logps/chosen")) {
            assertThat(series(dpo, name)).as(name).isNotEmpty();
        }

        JobView ppo = succeeded(submit(JobType.PPO, """
                {"policyCheckpoint": %d, "rewardCheckpoint": %d, "projectId": %d, "iterations": 2, "rolloutBatch": 4,
                 "miniBatch": 2, "ppoEpochs": 1, "maxNewTokens": 8}""".formatted(sftModel.id(), rewardModel.id(), project)));
        assertThat(ppo.datasetSize()).isEqualTo(data.promptIds(project).size());
        CheckpointView ppoPolicy = producedBy(ppo);
        assertThat(ppoPolicy.kind()).isEqualTo(CheckpointKind.POLICY);
        assertThat(ppoPolicy.parentId()).isEqualTo(sftModel.id());
        assertThat(ppo.step()).isEqualTo(2);
        for (String name : List.of("score", "kl", "beta", "entropy", "clipfrac", "approxkl")) {
            assertThat(series(ppo, name)).as(name).hasSize(2);
        }
        refused(JobType.PPO, """
                {"policyCheckpoint": %d, "rewardCheckpoint": %d, "projectId": %d, "maxNewTokens": 128}"""
                .formatted(sftModel.id(), rewardModel.id(), project), "config.maxNewTokens");
    }

    @Test
    void a_policy_given_as_the_reward_model_is_refused() {
        CheckpointView sft = registry.register(new NewCheckpoint("sft-" + UUID.randomUUID(), CheckpointKind.SFT,
                "/nowhere/sft", null, null, null));
        int before = jobs.recent(500).size();
        assertThatThrownBy(() -> submit(JobType.PPO, """
                {"policyCheckpoint": %d, "rewardCheckpoint": %d, "projectId": %d}""".formatted(sft.id(), sft.id(), demoProject())))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("config.rewardCheckpoint"));
        assertThat(jobs.recent(500)).hasSize(before);
    }

    @Test
    void configs_out_of_range_are_refused_naming_the_field() {
        CheckpointView tok = registry.register(new NewCheckpoint("tok-" + UUID.randomUUID(), CheckpointKind.TOKENIZER,
                "/nowhere/tok", null, null, null));
        CheckpointView sft = registry.register(new NewCheckpoint("sft-" + UUID.randomUUID(), CheckpointKind.SFT,
                "/nowhere/sft", null, null, null));
        CheckpointView rm = registry.register(new NewCheckpoint("rm-" + UUID.randomUUID(), CheckpointKind.REWARD,
                "/nowhere/rm", null, null, null));
        long project = demoProject();
        int before = jobs.recent(500).size();
        refused(JobType.TOKENIZER, "{\"corpus\": \"tiny.txt\", \"vocabSize\": 100}", "config.vocabSize");
        refused(JobType.TOKENIZER, "{\"corpus\": \"missing.txt\"}", "config.corpus");
        refused(JobType.PRETRAIN, "{\"corpus\": \"tiny.txt\", \"tokenizerCheckpoint\": %d, \"steps\": 10, \"warmupSteps\": 20}"
                .formatted(tok.id()), "config.warmupSteps");
        refused(JobType.PRETRAIN, "{\"corpus\": \"tiny.txt\", \"tokenizerCheckpoint\": %d, \"preset\": \"huge\"}"
                .formatted(tok.id()), "config.preset");
        corpora.save("short.txt", new ByteArrayInputStream("far too short for a context".getBytes(StandardCharsets.UTF_8)));
        refused(JobType.PRETRAIN, "{\"corpus\": \"short.txt\", \"tokenizerCheckpoint\": %d}".formatted(tok.id()),
                "config.corpus");
        refused(JobType.SFT, "{\"baseCheckpoint\": %d, \"learningRate\": 0.5}".formatted(sft.id()), "config.learningRate");
        refused(JobType.DPO, "{\"policyCheckpoint\": %d, \"projectId\": %d, \"lossType\": \"square\"}"
                .formatted(sft.id(), project), "config.lossType");
        refused(JobType.DPO, "{\"policyCheckpoint\": %d, \"projectId\": %d, \"beta\": 0}".formatted(sft.id(), project),
                "config.beta");
        refused(JobType.PPO, "{\"policyCheckpoint\": %d, \"rewardCheckpoint\": %d, \"projectId\": %d, \"rolloutBatch\": 8, \"miniBatch\": 3}"
                .formatted(sft.id(), rm.id(), project), "config.miniBatch");
        refused(JobType.REWARD, "{\"projectId\": 999999}", "config.projectId");
        refused(JobType.REWARD, "{\"backbone\": \"gpt\", \"baseCheckpoint\": %d}".formatted(sft.id()), "config.projectId");
        refused(JobType.REWARD, "{\"backbone\": \"gpt\", \"projectId\": %d}".formatted(project),
                "config.baseCheckpoint");
        refused(JobType.REWARD, "{\"baseCheckpoint\": %d, \"projectId\": %d}".formatted(sft.id(), project),
                "config.baseCheckpoint");
        assertThat(jobs.recent(500)).hasSize(before);
    }

    private void refused(JobType type, String config, String field) {
        assertThatThrownBy(() -> submit(type, config)).as("%s %s", type, config)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void an_empty_dataset_is_refused_with_what_is_missing() {
        CheckpointView sft = registry.register(new NewCheckpoint("sft-" + UUID.randomUUID(), CheckpointKind.SFT,
                "/nowhere/sft", null, null, null));
        long empty = projects.create(ProjectSettings.defaults("empty " + UUID.randomUUID(), "none")).id();
        assertThatThrownBy(() -> submit(JobType.REWARD, "{\"backbone\": \"gpt\", \"baseCheckpoint\": %d, \"projectId\": %d}"
                .formatted(sft.id(), empty)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("dataset");
                    assertThat(e.getMessage()).contains("No preference pairs in project " + empty);
                });
        assertThatThrownBy(() -> submit(JobType.SFT, "{\"baseCheckpoint\": %d, \"projectId\": %d}"
                .formatted(sft.id(), empty)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains("No approved demonstrations to train on"));
        assertThatThrownBy(() -> submit(JobType.PPO, "{\"policyCheckpoint\": %d, \"rewardCheckpoint\": %d, \"projectId\": %d}"
                .formatted(sft.id(), registry.register(new NewCheckpoint("rm-" + UUID.randomUUID(), CheckpointKind.REWARD,
                        "/nowhere/rm", null, null, null)).id(), empty)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains("No prompts in project " + empty));
    }

    @Test
    void pretraining_stopped_midway_resumes_to_the_same_loss_as_a_straight_run() throws Exception {
        long tokenizer = tokenizer();
        String config = """
                {"corpus": "tiny.txt", "tokenizerCheckpoint": %d, "steps": 10, "batchSize": 2, "warmupSteps": 2,
                 "evalEvery": 0, "checkpointEvery": 4}""".formatted(tokenizer);
        // Straight, stopped and resumed runs all on this thread (the training thread is idle), so
        // the comparison sees only what resuming changes.
        resumesExactly(pretrainer, config, List.of(), 6, "loss");
    }

    /**
     * Runs {@code executor} directly (the training thread must be idle) three times: straight, then
     * stopped after {@code stopAt} steps and resumed; the resumed steps repeat the straight run's.
     */
    private void resumesExactly(JobExecutor executor, String config, List<Long> dataset,
                                int stopAt, String metric) throws Exception {
        JobSettings json = JobSettings.read(executor.fields(), config);
        RecordingContext straight = new RecordingContext(json, dataset, null, Files.createTempDirectory(ROOT, "straight"), 0);
        executor.run(straight);
        long total = straight.steps.getLast();
        assertThat(total).as(executor.type() + " steps").isGreaterThan(stopAt);
        Path dir = Files.createTempDirectory(ROOT, "stopped");
        RecordingContext first = new RecordingContext(json, dataset, null, dir, stopAt);
        executor.run(first);
        assertThat(first.published).isNull();
        assertThat(first.checkpoint).isEqualTo(dir.resolve("model"));
        RecordingContext second = new RecordingContext(json, dataset, first.checkpoint, dir, 0);
        executor.run(second);
        assertThat(second.steps.getFirst()).isEqualTo(stopAt + 1);
        assertThat(second.published).isEqualTo(dir.resolve("model"));
        for (long step = stopAt + 1; step <= total; step++) {
            assertThat(second.at(step, metric)).as("%s %s at step %d", executor.type(), metric, step)
                    .isCloseTo(straight.at(step, metric), Offset.offset(1e-4));
        }
    }

    @Test
    void alignment_jobs_stopped_midway_resume_to_the_straight_runs_numbers() throws Exception {
        long project = demoProject();
        long tokenizer = tokenizer();
        CheckpointView base = producedBy(succeeded(submit(JobType.PRETRAIN, """
                {"corpus": "tiny.txt", "tokenizerCheckpoint": %d, "steps": 4, "batchSize": 2, "warmupSteps": 1}"""
                .formatted(tokenizer))));
        List<Long> demos = data.approvedDemonstrationIds(project);
        resumesExactly(sftTrainer, """
                {"baseCheckpoint": %d, "epochs": 3, "batchSize": 1}""".formatted(base.id()), demos, 1, "loss");
        CheckpointView sft = producedBy(succeeded(submit(JobType.SFT, """
                {"baseCheckpoint": %d, "epochs": 1, "batchSize": 4}""".formatted(base.id()))));
        rank(project, 2);
        List<Long> pairs = data.pairIds(project).subList(0, 12);
        resumesExactly(rewardTrainer, """
                {"backbone": "gpt", "baseCheckpoint": %d, "projectId": %d, "epochs": 3, "batchSize": 1}"""
                .formatted(sft.id(), project), pairs, 1, "loss");
        resumesExactly(dpoTrainer, """
                {"policyCheckpoint": %d, "projectId": %d, "batchSize": 4}""".formatted(sft.id(), project),
                pairs.subList(0, 8), 1, "loss");
        CheckpointView rm = producedBy(succeeded(submit(JobType.REWARD, """
                {"backbone": "gpt", "baseCheckpoint": %d, "projectId": %d}""".formatted(sft.id(), project))));
        resumesExactly(ppoTrainer, """
                {"policyCheckpoint": %d, "rewardCheckpoint": %d, "projectId": %d, "iterations": 2, "rolloutBatch": 2,
                 "miniBatch": 2, "ppoEpochs": 1, "maxNewTokens": 4}""".formatted(sft.id(), rm.id(), project),
                data.promptIds(project), 1, "loss/policy");
    }

    @Test
    void a_char_tokenizer_job_learns_one_id_per_character_of_the_corpus() throws Exception {
        corpora.save("chars.txt", new ByteArrayInputStream("abcab ba".getBytes(StandardCharsets.UTF_8)));
        JobView job = succeeded(submit(JobType.TOKENIZER, "{\"corpus\": \"chars.txt\", \"algorithm\": \"char\"}"));
        assertThat(job.device()).as("a job that loads no model names no device").isNull();
        assertThat(series(job, "vocab_size")).containsExactly(4.0 + 5); // a, b, c, space, 4 special tokens, <|unk|>
        assertThat(producedBy(job).metrics()).contains("\"vocab_size\":9");
    }
}
