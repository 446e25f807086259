package dev.pairwise.app.sampling;

import static dev.pairwise.app.connections.ScriptedOpenAiServer.answer;
import static dev.pairwise.app.connections.ScriptedOpenAiServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.pairwise.app.connections.ConnectionSettings;
import dev.pairwise.app.connections.ConnectionView;
import dev.pairwise.app.connections.ModelConnections;
import dev.pairwise.app.connections.ScriptedOpenAiServer;
import dev.pairwise.app.jobs.JobRequest;
import dev.pairwise.app.jobs.AwaitJobs;
import dev.pairwise.app.jobs.JobService;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.JobView;
import dev.pairwise.app.jobs.MetricPoint;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.leaderboard.StoredBattles;
import dev.pairwise.app.openai.TinyChatCheckpoints;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.app.registry.NewCheckpoint;
import dev.pairwise.app.security.ApiTokenService;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.account.Account;
import dev.pairwise.labeling.account.AccountRepository;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.battle.LoopPrompts;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectSettings;
import dev.pairwise.labeling.task.NewPrompt;
import dev.pairwise.labeling.task.Origin;
import dev.pairwise.labeling.task.OriginKind;
import dev.pairwise.labeling.task.Response;
import dev.pairwise.labeling.task.ResponseRepository;
import dev.pairwise.labeling.task.TaskService;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.policy.io.Json;
import dev.pairwise.rewardmodel.RewardModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SAMPLE and EVAL over a mix of systems, with no stub in the loop: the whole app on a real port
 * serves two tiny SFT checkpoints at {@code /v1}, a stored connection points back at that server
 * (with a real API token as its key), and a job draws from the connection (over HTTP, through the
 * connection client) and from a checkpoint (in this JVM) into a project. A failing server is a
 * scripted HTTP server on 127.0.0.1 that answers 500 for one prompt. Subclasses pick the database.
 */
abstract class MixedSamplingScenarios {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;
    @Autowired
    JobService jobs;
    @Autowired
    ModelRegistry registry;
    @Autowired
    ModelConnections connections;
    @Autowired
    ProjectService projects;
    @Autowired
    TaskService tasks;
    @Autowired
    LoopPrompts loopPrompts;
    @Autowired
    ResponseRepository responses;
    @Autowired
    AccountRepository accounts;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    ApplicationContext ctx;
    @Autowired
    SampleExecutor sampleExecutor;

    String five;
    String ten;
    long fiveId;
    long tenId;

    @BeforeEach
    void checkpoints() {
        five = "mix-sft-5-" + suffix();
        ten = "mix-sft-10-" + suffix();
        fiveId = registry.register(new NewCheckpoint(five, CheckpointKind.SFT,
                TinyChatCheckpoints.fiveSteps().toString(), null, null, null)).id();
        tenId = registry.register(new NewCheckpoint(ten, CheckpointKind.SFT,
                TinyChatCheckpoints.tenSteps().toString(), null, null, null)).id();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A fresh account of the role and an API token for it. */
    String token(Role role) {
        String name = role.name().toLowerCase() + "-" + suffix();
        Account a = accounts.save(new Account(name, name, "{noop}unused", Set.of(role), Instant.now()));
        return tokens.create(a.getId(), "mix-it");
    }

    /** A connection to this app's own {@code /v1}, serving the checkpoint registered as {@code model}. */
    ConnectionView ownServer(String model) {
        return connections.create(new ConnectionSettings("our-v1-" + suffix(), "http://localhost:" + port + "/v1",
                model, 1.0, 1.0, 16, 1, 10_000, Duration.ofSeconds(60)), token(Role.RESEARCHER), "researcher");
    }

    long project(int k) {
        return projects.create(new ProjectSettings(StoredBattles.unique("mix"), "", k, 1, true, false, 30)).id();
    }

    /** A project of the checkpoints' held-out prompts (in their characters), each with two imported answers. */
    long promptProject(int n) {
        long id = project(2);
        List<NewPrompt> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(new NewPrompt(TinyChatCheckpoints.prompt(i), List.of(
                    new NewPrompt.NewResponse("a", Origin.imported("seed")),
                    new NewPrompt.NewResponse("b", Origin.imported("seed")))));
        }
        tasks.storeAll(id, all);
        return id;
    }

    JobView run(JobType type, String config) throws InterruptedException {
        JobView job = jobs.submit(new JobRequest(type, config, "researcher"));
        return AwaitJobs.succeeded(jobs, job.id(), Duration.ofSeconds(180));
    }

    double metric(JobView job, String name) {
        return jobs.metrics(job.id()).stream().filter(m -> m.name().equals(name)).reduce((a, b) -> b)
                .map(MetricPoint::value).orElseThrow(() -> new AssertionError("no metric " + name));
    }

    /** Each stored prompt of the project, as its responses. */
    List<List<Response>> stored(long project) {
        return loopPrompts.promptIds(project, 100, "x").stream().map(responses::findByPromptIdOrderById).toList();
    }

    @Test
    void a_sample_job_draws_each_prompts_k_responses_from_a_connection_to_our_v1_and_a_checkpoint() throws Exception {
        ConnectionView v1 = ownServer(ten);
        long source = promptProject(3);
        long target = project(4);
        JobView done = run(JobType.SAMPLE, "{\"projectId\": " + target + ", \"sourceProjectId\": " + source
                + ", \"maxNewTokens\": 12, \"seed\": 3, \"systems\": ["
                + "{\"connectionId\": " + v1.id() + ", \"temperature\": 0.7, \"count\": 2},"
                + "{\"connectionId\": " + v1.id() + ", \"temperature\": 1.3, \"max_tokens\": 10, \"count\": 1},"
                + "{\"checkpointId\": " + fiveId + ", \"count\": 1}]}");

        assertThat(metric(done, "tasks")).isEqualTo(3);
        assertThat(metric(done, "failed_prompts")).isZero();
        List<List<Response>> prompts = stored(target);
        assertThat(prompts).hasSize(3);
        for (List<Response> k : prompts) {
            assertThat(k).hasSize(4).allSatisfy(r -> {
                assertThat(r.getOrigin().kind()).isEqualTo(OriginKind.MODEL);
                assertThat(r.getText()).isNotBlank();
            });
            List<Response> fromConnection = k.stream().filter(r -> r.getOrigin().model().equals(v1.name())).toList();
            assertThat(fromConnection).hasSize(3);
            assertThat(fromConnection).extracting(r -> JSON.readTree(r.getOrigin().settings()).get("temperature").asDouble())
                    .containsExactlyInAnyOrder(0.7, 0.7, 1.3);
            assertThat(fromConnection).allSatisfy(r -> {
                JsonNode s = JSON.readTree(r.getOrigin().settings());
                assertThat(s.get("connection").asLong()).isEqualTo(v1.id());
                assertThat(s.get("model").asString()).isEqualTo(ten);
                assertThat(s.get("job").asLong()).isEqualTo(done.id());
            });
            List<Response> fromCheckpoint = k.stream().filter(r -> r.getOrigin().model().equals(five)).toList();
            assertThat(fromCheckpoint).hasSize(1);
            assertThat(fromCheckpoint.getFirst().getOrigin().settings()).contains("\"max_new_tokens\":12")
                    .contains("\"job\":" + done.id());
        }
        assertThat(done.logTail()).contains("2 x connection " + v1.name()).contains("1 x checkpoint " + five);

        // A labeler gets the task over the REST API with no word of where its responses came from.
        HttpResponse<String> next = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/projects/" + target + "/tasks/next")).header("Authorization", "Bearer " + token(Role.LABELER))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(next.body()).get("responses")).hasSize(4);
        assertThat(next.body()).doesNotContain(v1.name()).doesNotContain(five).doesNotContain(ten)
                .doesNotContain("temperature").doesNotContain("origin");
    }

    @Test
    void a_prompt_whose_call_fails_is_retried_then_skipped_whole_and_counted() throws Exception {
        String bad = TinyChatCheckpoints.prompt(1);
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer()) {
            server.otherwise((exchange, request) -> (request.body().contains(JSON.writeValueAsString(bad))
                    ? status(500, "the model crashed") : answer("fine", 3, 1)).write(exchange, request));
            ConnectionView flaky = connections.create(new ConnectionSettings("flaky-" + suffix(), server.baseUrl(),
                    "m", 1.0, 1.0, 16, 4, 10_000, Duration.ofSeconds(30)), null, "researcher");
            long source = promptProject(3);
            long target = project(2);
            JobView done = run(JobType.SAMPLE, "{\"projectId\": " + target + ", \"sourceProjectId\": " + source
                    + ", \"maxNewTokens\": 8, \"systems\": [{\"connectionId\": " + flaky.id() + ", \"count\": 1},"
                    + "{\"checkpointId\": " + fiveId + ", \"count\": 1}]}");

            assertThat(metric(done, "tasks")).isEqualTo(2);
            assertThat(metric(done, "failed_prompts")).isEqualTo(1);
            long badId = loopPrompts.promptIds(source, 3, "x").get(1);
            assertThat(done.logTail()).contains("prompt " + badId + " skipped, no task stored")
                    .contains("SERVER_ERROR after 4 attempts");
            // The client retried (max-attempts 4) before the prompt was given up.
            assertThat(server.requests().stream().filter(r -> r.body().contains(JSON.writeValueAsString(bad))))
                    .hasSize(4);
            List<List<Response>> prompts = stored(target);
            assertThat(prompts).hasSize(2).allSatisfy(k -> assertThat(k).hasSize(2)
                    .extracting(r -> r.getOrigin().model()).containsExactlyInAnyOrder(flaky.name(), five));
            assertThat(loopPrompts.promptIds(target, 10, "x").stream()
                    .map(id -> loopPrompts.texts(List.of(id), "x").getFirst().text())).doesNotContain(bad);
        }
    }

    @Test
    void a_mixed_job_stopped_after_a_batch_resumes_storing_each_prompt_once_and_retries_the_failed_one()
            throws Exception {
        String bad = TinyChatCheckpoints.prompt(1);
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean(true);
        try (ScriptedOpenAiServer server = new ScriptedOpenAiServer()) {
            server.otherwise((exchange, request) -> (broken.get() && request.body().contains(JSON.writeValueAsString(bad))
                    ? status(503, "overloaded") : answer("fine", 3, 1)).write(exchange, request));
            ConnectionView flaky = connections.create(new ConnectionSettings("flaky-" + suffix(), server.baseUrl(),
                    "m", 1.0, 1.0, 16, 4, 10_000, Duration.ofSeconds(30)), null, "researcher");
            long source = promptProject(4);
            long target = project(2);
            JobSettings config = JobSettings.read(sampleExecutor.fields(), "{\"projectId\": " + target + ", \"sourceProjectId\": " + source
                    + ", \"batchPrompts\": 2, \"maxNewTokens\": 8, \"systems\": [{\"connectionId\": " + flaky.id()
                    + ", \"count\": 1}, {\"checkpointId\": " + fiveId + ", \"count\": 1}]}");
            List<Long> snapshot = sampleExecutor.prepare(config);

            sampleExecutor.run(new SamplingJobsIT.Run(900_101, config, snapshot, 1)); // stops after its first batch
            assertThat(stored(target)).hasSize(1); // prompt 0; prompt 1's call failed
            broken.set(false);
            SamplingJobsIT.Run restarted = new SamplingJobsIT.Run(900_101, config, snapshot, Integer.MAX_VALUE);
            sampleExecutor.run(restarted);

            assertThat(restarted.log).anyMatch(l -> l.contains("1 prompts already stored by this job are skipped"));
            assertThat(loopPrompts.promptIds(target, 10, "x").stream()
                    .map(id -> loopPrompts.texts(List.of(id), "x").getFirst().text()))
                    .containsExactlyInAnyOrder(TinyChatCheckpoints.prompt(0), bad, TinyChatCheckpoints.prompt(2),
                            TinyChatCheckpoints.prompt(3));
            assertThat(stored(target)).allSatisfy(k -> assertThat(k).hasSize(2));
        }
    }

    @Test
    void a_mix_is_refused_naming_the_field_at_fault() {
        long source = promptProject(1);
        long target = project(3);
        ConnectionView v1 = ownServer(ten);
        String head = "{\"projectId\": " + target + ", \"sourceProjectId\": " + source + ", ";
        assertThat(refusal(head + "\"systems\": [{\"connectionId\": " + v1.id() + ", \"count\": 2}]}"))
                .isEqualTo("config.systems");
        assertThat(refusal(head + "\"systems\": [{\"connectionId\": " + v1.id() + ", \"checkpointId\": " + fiveId
                + ", \"count\": 3}]}")).isEqualTo("config.systems[0]");
        assertThat(refusal(head + "\"systems\": [{\"checkpointId\": " + fiveId + ", \"count\": 1},"
                + "{\"connectionId\": 987654, \"count\": 2}]}")).isEqualTo("config.systems[1].connectionId");
        assertThat(refusal(head + "\"systems\": [{\"checkpointId\": " + fiveId + ", \"count\": 3, \"top_p\": 0}]}"))
                .isEqualTo("config.systems[0].top_p");
        assertThat(refusal(head + "\"systems\": [{\"checkpointId\": " + fiveId + "}]}"))
                .isEqualTo("config.systems[0].count");
        assertThat(refusal(head + "\"policyCheckpoint\": " + fiveId + ", \"systems\": [{\"checkpointId\": " + fiveId
                + ", \"count\": 3}]}")).isEqualTo("config.systems");
        assertThat(refusal(head + "\"maxPrompts\": 1}")).isEqualTo("config.policyCheckpoint");
        assertThatThrownBy(() -> jobs.submit(new JobRequest(JobType.SAMPLE, head + "\"systems\": [{\"connectionId\": "
                + v1.id() + ", \"count\": 2}]}", "r"))).hasMessageContaining("sum to 2").hasMessageContaining("K = 3");
    }

    private String refusal(String config) {
        try {
            jobs.submit(new JobRequest(JobType.SAMPLE, config, "researcher"));
        } catch (InvalidInputException e) {
            return e.field();
        }
        throw new AssertionError("accepted: " + config);
    }

    @Test
    void an_evaluation_pits_a_connection_against_a_checkpoint_with_a_reward_model_and_blind_battles() throws Exception {
        ConnectionView v1 = ownServer(ten);
        Path rmDir = Files.createTempDirectory("mix-rm").resolve("rm");
        try (RewardModel rm = RewardModel.initFrom(TinyChatCheckpoints.tenSteps(), Device.cpu(), 5)) {
            rm.save(rmDir, Map.of(), 0, Json.object());
        }
        long rmId = registry.register(new NewCheckpoint("mix-rm-" + suffix(), CheckpointKind.REWARD, rmDir.toString(),
                null, null, null)).id();
        long source = promptProject(3);
        long battles = project(2);
        JobView done = run(JobType.EVAL, "{\"policyConnection\": " + v1.id() + ", \"opponentCheckpoint\": " + fiveId
                + ", \"rewardCheckpoint\": " + rmId + ", \"projectId\": " + source + ", \"battleProjectId\": " + battles
                + ", \"maxNewTokens\": 10, \"temperature\": 0.8, \"seed\": 4}");
        assertThat(metric(done, "battle_tasks")).isEqualTo(3);
        assertThat(metric(done, "failed_prompts")).isZero();

        // The stored battles, scored again by the same reward model, give the job's win rate.
        List<String> texts = new ArrayList<>();
        List<String> fromA = new ArrayList<>();
        List<String> fromB = new ArrayList<>();
        for (long promptId : loopPrompts.promptIds(battles, 10, "x")) {
            List<Response> pair = responses.findByPromptIdOrderById(promptId);
            assertThat(pair).extracting(r -> r.getOrigin().model()).containsExactlyInAnyOrder(v1.name(), five);
            texts.add(loopPrompts.texts(List.of(promptId), "x").getFirst().text());
            for (Response r : pair) {
                String text = r.getText().equals(PolicySampler.EMPTY) ? "" : r.getText();
                (r.getOrigin().model().equals(v1.name()) ? fromA : fromB).add(text);
            }
        }
        RewardComparison expected;
        try (RewardModel model = RewardModel.load(rmDir, Device.cpu())) {
            List<List<Turn>> turns = texts.stream().map(Turn::user).toList();
            expected = RewardComparison.of(model.score(turns, fromA), model.score(turns, fromB));
        }
        assertThat(metric(done, "win_rate")).isEqualTo(expected.winRate());
        assertThat(metric(done, "rewards/policy")).isEqualTo(expected.meanA());
    }

    @Test
    void a_battle_between_two_connections_opens_blind_two_response_tasks() throws Exception {
        ConnectionView a = ownServer(ten);
        ConnectionView b = ownServer(five);
        long battles = project(2);
        JobView done = run(JobType.EVAL, "{\"policyConnection\": " + a.id() + ", \"opponentConnection\": " + b.id()
                + ", \"projectId\": " + promptProject(2) + ", \"battleProjectId\": " + battles
                + ", \"maxNewTokens\": 10}");
        assertThat(metric(done, "battle_tasks")).isEqualTo(2);
        assertThat(stored(battles)).hasSize(2).allSatisfy(pair -> assertThat(pair)
                .extracting(r -> r.getOrigin().model()).containsExactlyInAnyOrder(a.name(), b.name()));
        assertThatThrownBy(() -> jobs.submit(new JobRequest(JobType.EVAL, "{\"policyConnection\": " + a.id()
                + ", \"policyCheckpoint\": " + fiveId + ", \"opponentConnection\": " + b.id() + ", \"projectId\": "
                + battles + ", \"battleProjectId\": " + battles + "}", "r")))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("config.policyCheckpoint");
    }
}
