package dev.pairwise.app.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.pairwise.app.connections.ConnectionClient;
import dev.pairwise.app.jobs.JobContext;
import dev.pairwise.app.jobs.JobRequest;
import dev.pairwise.app.jobs.AwaitJobs;
import dev.pairwise.app.jobs.JobService;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.JobView;
import dev.pairwise.app.jobs.MetricPoint;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.leaderboard.Leaderboard;
import dev.pairwise.app.leaderboard.LeaderboardService;
import dev.pairwise.app.leaderboard.Standing;
import dev.pairwise.app.leaderboard.StoredBattles;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.app.registry.NewCheckpoint;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.LabelingConfig;
import dev.pairwise.labeling.battle.LoopPrompts;
import dev.pairwise.labeling.judgment.JudgmentService;
import dev.pairwise.labeling.judgment.SubmitJudgment;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectSettings;
import dev.pairwise.labeling.task.AssignmentService;
import dev.pairwise.labeling.task.ComparisonTaskRepository;
import dev.pairwise.labeling.task.NewPrompt;
import dev.pairwise.labeling.task.NextTask;
import dev.pairwise.labeling.task.Origin;
import dev.pairwise.labeling.task.OriginKind;
import dev.pairwise.labeling.task.Response;
import dev.pairwise.labeling.task.ResponseRepository;
import dev.pairwise.labeling.task.TaskService;
import dev.pairwise.policy.checkpoint.Checkpoints;
import dev.pairwise.policy.data.TokenDataset;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.policy.io.Json;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.tokenizer.CharTokenizer;
import dev.pairwise.policy.train.Pretrainer;
import dev.pairwise.policy.train.TrainConfig;
import dev.pairwise.rewardmodel.RewardModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The closed loop on a real (tiny) model: a GPT pretrained for a few steps here, registered as a
 * BASE checkpoint, sampled by a SAMPLE job into a project whose labelers then get the tasks, and
 * evaluated by EVAL jobs with a reward model and a battle project whose verdicts reach the
 * leaderboard. Jobs run on the job runner's own thread; training happens before any job starts.
 */
@SpringBootTest(classes = SamplingJobsIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:sampling;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.jpa.hibernate.ddl-auto=validate",
                "spring.flyway.locations=classpath:db/migration",
                "spring.main.banner-mode=off",
                "pairwise.jobs.checkpoint-dir=${java.io.tmpdir}/pairwise-sampling-it",
                "pairwise.connections.key-file=${java.io.tmpdir}/pairwise-sampling-it/connections.key"})
class SamplingJobsIT {

    static final String CORPUS = "the cat sat on the mat. the dog ran to the cat. a cat and a dog sat. ".repeat(30);

    static Path trained;
    static Path untrained;
    static Path reward;

    @Autowired
    JobService jobs;
    @Autowired
    ModelRegistry registry;
    @Autowired
    ProjectService projects;
    @Autowired
    TaskService tasks;
    @Autowired
    AssignmentService assignments;
    @Autowired
    JudgmentService judgments;
    @Autowired
    ResponseRepository responses;
    @Autowired
    ComparisonTaskRepository taskRows;
    @Autowired
    LoopPrompts loopPrompts;
    @Autowired
    LeaderboardService leaderboard;
    @Autowired
    ApplicationContext ctx;
    @Autowired
    SampleExecutor sampleExecutor;

    /** A char-level GPT pretrained for 40 steps, the same GPT untrained, and a reward model on the first. */
    @BeforeAll
    static void tinyModels() throws Exception {
        Path root = Files.createTempDirectory("sampling-it");
        CharTokenizer tokenizer = CharTokenizer.train(List.of(CORPUS));
        GptConfig config = GptConfig.of(tokenizer.vocabSize(), 64, 2, 2, 32);
        trained = root.resolve("trained");
        untrained = root.resolve("untrained");
        try (GptModel model = GptModel.create(config, 1, Device.cpu())) {
            Checkpoints.saveModel(untrained, model, tokenizer);
            TokenDataset data = new TokenDataset(tokenizer.encode(CORPUS), tokenizer.vocabSize(), 64, 0.1);
            try (Pretrainer pretrainer = new Pretrainer(model, data, TrainConfig.of(40, 8, 3e-3, 1))) {
                for (int i = 0; i < 40; i++) {
                    pretrainer.trainStep();
                }
            }
            Checkpoints.saveModel(trained, model, tokenizer);
        }
        reward = root.resolve("reward");
        try (RewardModel rm = RewardModel.initFrom(trained, Device.cpu(), 5)) {
            rm.save(reward, Map.of(), 0, Json.object());
        }
    }

    private long register(String prefix, CheckpointKind kind, Path dir) {
        return registry.register(new NewCheckpoint(prefix + "-" + UUID.randomUUID().toString().substring(0, 8), kind,
                dir.toString(), null, null, null)).id();
    }

    private long project(int k) {
        return projects.create(new ProjectSettings(StoredBattles.unique("loop"), "", k, 1, true, false, 30)).id();
    }

    /** A project of {@code n} prompts written in the corpus's characters, each with two imported answers. */
    private long promptProject(int n) {
        long id = project(2);
        List<NewPrompt> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(new NewPrompt("the cat " + "and the dog ".repeat(i) + "sat",
                    List.of(new NewPrompt.NewResponse("a cat", Origin.imported("seed")),
                            new NewPrompt.NewResponse("a dog", Origin.imported("seed")))));
        }
        tasks.storeAll(id, all);
        return id;
    }

    private JobView run(JobType type, String config) throws InterruptedException {
        JobView job = jobs.submit(new JobRequest(type, config, "researcher"));
        return AwaitJobs.succeeded(jobs, job.id(), Duration.ofSeconds(90));
    }

    private double metric(JobView job, String name) {
        return jobs.metrics(job.id()).stream().filter(m -> m.name().equals(name)).reduce((a, b) -> b)
                .map(MetricPoint::value).orElseThrow(() -> new AssertionError("no metric " + name));
    }

    @Test
    void a_sample_job_puts_k_model_responses_per_prompt_into_a_labelers_queue() throws Exception {
        String name = "tiny-base";
        long policy = register(name, CheckpointKind.BASE, trained);
        String registered = registry.get(policy).name();
        long source = promptProject(3);
        long target = project(3);
        JobView done = run(JobType.SAMPLE, "{\"policyCheckpoint\": " + policy + ", \"projectId\": " + target
                + ", \"sourceProjectId\": " + source + ", \"maxPrompts\": 3, \"batchPrompts\": 2,"
                + " \"maxNewTokens\": 12, \"temperature\": 0.9, \"seed\": 7}");

        assertThat(jobs.datasetIds(done.id())).isEqualTo(loopPrompts.promptIds(source, 3, "x"));
        assertThat(done.step()).isEqualTo(3);
        assertThat(metric(done, "tokens_per_second")).isPositive();
        assertThat(metric(done, "tasks")).isEqualTo(3);
        assertThat(taskRows.countByProjectId(target)).isEqualTo(3);

        long labeler = new StoredBattles(ctx).labeler();
        NextTask first = assignments.next(target, labeler).orElseThrow();
        assertThat(first.prompt()).isEqualTo("the cat sat");
        assertThat(first.responses()).hasSize(3).allSatisfy(r -> assertThat(r.text()).isNotBlank());
        for (long id : first.presentedOrder()) {
            Response r = responses.findById(id).orElseThrow();
            assertThat(r.getOrigin().kind()).isEqualTo(OriginKind.MODEL);
            assertThat(r.getOrigin().model()).isEqualTo(registered);
            assertThat(r.getOrigin().settings()).contains("\"temperature\":0.9").contains("\"seed\":7")
                    .contains("\"max_new_tokens\":12").contains("\"job\":" + done.id());
        }
    }

    /** The context the runner gives a job, as a restart sees it: same job id, same snapshot. */
    static final class Run implements JobContext {
        final long jobId;
        final JobSettings settings;
        final List<Long> dataset;
        final int stopAfterReports;
        final List<String> log = new ArrayList<>();
        int reports;

        Run(long jobId, JobSettings settings, List<Long> dataset, int stopAfterReports) {
            this.jobId = jobId;
            this.settings = settings;
            this.dataset = dataset;
            this.stopAfterReports = stopAfterReports;
        }

        @Override public long jobId() { return jobId; }
        @Override public JobSettings settings() { return settings; }
        @Override public List<Long> dataset() { return dataset; }
        @Override public @Nullable Path resumeFrom() { return null; }
        @Override public Path checkpointDir() { throw new UnsupportedOperationException(); }
        @Override public void progress(long step, long total) { reports++; }
        @Override public void metric(String name, double value) { }
        @Override public void log(String line) { log.add(line); }
        @Override public void checkpoint(Path dir) { throw new UnsupportedOperationException(); }
        @Override public CheckpointView publish(CheckpointKind kind, Path dir, @Nullable Long parentId,
                                                @Nullable String metricsJson) {
            throw new UnsupportedOperationException();
        }
        @Override public boolean isCancelled() { return reports >= stopAfterReports; }
    }

    private List<List<String>> texts(long project) {
        return loopPrompts.promptIds(project, 100, "x").stream().map(id -> responses.findByPromptIdOrderById(id)
                .stream().map(Response::getText).toList()).toList();
    }

    @Test
    void a_sample_job_stopped_after_a_batch_resumes_where_it_stopped_and_draws_what_a_straight_run_draws() {
        long policy = register("tiny-base", CheckpointKind.BASE, trained);
        long source = promptProject(5);
        long interrupted = project(2);
        long straight = project(2);
        String config = "{\"policyCheckpoint\": " + policy + ", \"sourceProjectId\": " + source
                + ", \"batchPrompts\": 2, \"maxNewTokens\": 8, \"seed\": 5, \"projectId\": ";
        JsonMapper json = JsonMapper.builder().build();
        JobSettings toInterrupted = JobSettings.read(sampleExecutor.fields(), config + interrupted + "}");
        List<Long> snapshot = sampleExecutor.prepare(toInterrupted);
        assertThat(snapshot).hasSize(5);

        sampleExecutor.run(new Run(900_001, toInterrupted, snapshot, 2)); // stops after its first batch
        assertThat(taskRows.countByProjectId(interrupted)).isEqualTo(2);
        Run restarted = new Run(900_001, toInterrupted, snapshot, Integer.MAX_VALUE);
        sampleExecutor.run(restarted);
        assertThat(restarted.log).anyMatch(l -> l.contains("resuming after 2 prompts"));
        assertThat(taskRows.countByProjectId(interrupted)).isEqualTo(5);

        sampleExecutor.run(new Run(900_002, JobSettings.read(sampleExecutor.fields(), config + straight + "}"), snapshot, Integer.MAX_VALUE));
        assertThat(texts(interrupted)).hasSize(5).isEqualTo(texts(straight));
    }

    @Test
    void a_sample_job_with_a_bad_config_is_refused_naming_the_field() {
        long policy = register("tiny-base", CheckpointKind.BASE, trained);
        assertThatThrownBy(() -> jobs.submit(new JobRequest(JobType.SAMPLE,
                "{\"policyCheckpoint\": " + policy + ", \"projectId\": 987654}", "researcher")))
                .isInstanceOf(InvalidInputException.class).extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("config.projectId");
        long empty = project(2);
        assertThatThrownBy(() -> jobs.submit(new JobRequest(JobType.SAMPLE,
                "{\"policyCheckpoint\": " + policy + ", \"projectId\": " + empty + ", \"temperature\": -1}", "r")))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("config.temperature");
        assertThatThrownBy(() -> jobs.submit(new JobRequest(JobType.SAMPLE,
                "{\"policyCheckpoint\": " + policy + ", \"projectId\": " + empty + "}", "r")))
                .hasMessageContaining("has no prompts");
    }

    @Test
    void a_policy_evaluated_against_itself_wins_exactly_half() throws Exception {
        long policy = register("tiny-base", CheckpointKind.BASE, trained);
        long rm = register("tiny-rm", CheckpointKind.REWARD, reward);
        JobView done = run(JobType.EVAL, "{\"policyCheckpoint\": " + policy + ", \"opponentCheckpoint\": " + policy
                + ", \"rewardCheckpoint\": " + rm + ", \"projectId\": " + promptProject(4) + ", \"maxNewTokens\": 10}");
        assertThat(metric(done, "win_rate")).isEqualTo(0.5);
        assertThat(metric(done, "rewards/policy")).isEqualTo(metric(done, "rewards/opponent"));
    }

    @Test
    void an_evaluation_scores_both_policies_and_opens_blind_battles_whose_verdicts_reach_the_leaderboard()
            throws Exception {
        long a = register("tiny-trained", CheckpointKind.BASE, trained);
        long b = register("tiny-untrained", CheckpointKind.BASE, untrained);
        String nameA = registry.get(a).name();
        String nameB = registry.get(b).name();
        long rm = register("tiny-rm", CheckpointKind.REWARD, reward);
        long prompts = promptProject(4);
        long battles = project(2);
        JobView done = run(JobType.EVAL, "{\"policyCheckpoint\": " + a + ", \"opponentCheckpoint\": " + b
                + ", \"rewardCheckpoint\": " + rm + ", \"projectId\": " + prompts + ", \"battleProjectId\": " + battles
                + ", \"maxNewTokens\": 10, \"seed\": 3}");
        assertThat(metric(done, "battle_tasks")).isEqualTo(4);

        // The stored responses, scored again by the same reward model, give the job's figures.
        List<String> texts = new ArrayList<>();
        List<String> fromA = new ArrayList<>();
        List<String> fromB = new ArrayList<>();
        for (long promptId : loopPrompts.promptIds(battles, 10, "x")) {
            List<Response> pair = responses.findByPromptIdOrderById(promptId);
            assertThat(pair).extracting(r -> r.getOrigin().model()).containsExactlyInAnyOrder(nameA, nameB);
            texts.add(loopPrompts.texts(List.of(promptId), "x").getFirst().text());
            for (Response r : pair) {
                String text = r.getText().equals(PolicySampler.EMPTY) ? "" : r.getText();
                (r.getOrigin().model().equals(nameA) ? fromA : fromB).add(text);
            }
        }
        RewardComparison expected;
        try (RewardModel model = RewardModel.load(reward, Device.cpu())) {
            List<List<Turn>> turns = texts.stream().map(Turn::user).toList();
            expected = RewardComparison.of(model.score(turns, fromA), model.score(turns, fromB));
        }
        assertThat(metric(done, "win_rate")).isEqualTo(expected.winRate());
        assertThat(metric(done, "rewards/policy")).isEqualTo(expected.meanA());
        assertThat(metric(done, "rewards/opponent")).isEqualTo(expected.meanB());

        // A labeler prefers the trained model's answer in every battle.
        long labeler = new StoredBattles(ctx).labeler();
        for (int i = 0; i < 4; i++) {
            NextTask t = assignments.next(battles, labeler).orElseThrow();
            assertThat(t.responses()).hasSize(2);
            long winner = t.presentedOrder().stream()
                    .filter(id -> responses.findById(id).orElseThrow().getOrigin().model().equals(nameA))
                    .findFirst().orElseThrow();
            long loser = t.presentedOrder().stream().filter(id -> id != winner).findFirst().orElseThrow();
            judgments.submit(labeler, new SubmitJudgment(t.taskId(), UUID.randomUUID().toString(), t.presentedOrder(),
                    List.of(List.of(winner), List.of(loser)), null, null, false, null, null, 500L));
        }
        Leaderboard board = leaderboard.board(battles);
        assertThat(board.battles()).isEqualTo(4);
        assertThat(board.standings()).extracting(Standing::system).containsExactly(nameA, nameB);
        assertThat(board.standings().getFirst().winRate()).isEqualTo(1.0);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {
            "com.vaadin.flow.spring.SpringBootAutoConfiguration",
            "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
            "com.vaadin.flow.spring.VaadinApplicationConfiguration",
            "com.vaadin.flow.spring.VaadinScopesConfig",
            "com.vaadin.flow.spring.VaadinServletConfiguration"})
    @EntityScan(basePackageClasses = {LabelingConfig.class, JobService.class, ModelRegistry.class, ConnectionClient.class})
    @EnableJpaRepositories(basePackageClasses = {LabelingConfig.class, JobService.class, ModelRegistry.class,
            ConnectionClient.class})
    // The job runner, store and registry, and the connections a mix may name (package-private
    // beans); the tests' own configurations stay out.
    @ComponentScan(basePackageClasses = {JobService.class, ModelRegistry.class, ConnectionClient.class}, excludeFilters = {
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class)})
    @Import({LabelingConfig.class, SampleExecutor.class, EvalExecutor.class, Systems.class, LeaderboardService.class})
    static class App {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
