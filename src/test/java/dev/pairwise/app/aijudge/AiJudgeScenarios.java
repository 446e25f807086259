package dev.pairwise.app.aijudge;

import static dev.pairwise.app.connections.ScriptedOpenAiServer.answer;
import static dev.pairwise.app.connections.ScriptedOpenAiServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.app.connections.ConnectionSettings;
import dev.pairwise.app.connections.ModelConnections;
import dev.pairwise.app.connections.ScriptedOpenAiServer;
import dev.pairwise.app.jobs.JobRequest;
import dev.pairwise.app.jobs.AwaitJobs;
import dev.pairwise.app.jobs.JobService;
import dev.pairwise.app.jobs.JobStatus;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.JobView;
import dev.pairwise.app.quality.LabelersService;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.account.Account;
import dev.pairwise.labeling.account.AccountRepository;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.ai.AiJudgments;
import dev.pairwise.labeling.ai.AiOutcome;
import dev.pairwise.labeling.ai.AiVerdictView;
import dev.pairwise.labeling.dataset.PairSource;
import dev.pairwise.labeling.dataset.TrainingDataService;
import dev.pairwise.labeling.judgment.JudgmentService;
import dev.pairwise.labeling.judgment.SubmitJudgment;
import dev.pairwise.labeling.progress.ProgressService;
import dev.pairwise.labeling.progress.ProjectProgress;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectSettings;
import dev.pairwise.labeling.task.NewPrompt;
import dev.pairwise.labeling.task.NextTask;
import dev.pairwise.labeling.task.Origin;
import dev.pairwise.labeling.task.ShownResponse;
import dev.pairwise.labeling.task.TaskService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * AI_JUDGE jobs through the whole app, on H2 and PostgreSQL by the subclasses, with the judge a
 * model connection to a scripted OpenAI-compatible server on 127.0.0.1 that reads each question
 * and answers like a chosen kind of judge: a consistent one (prefers the response marked GOOD in
 * whichever position it stands), one with total position bias ("1 > 2" in both orders), and one
 * that rambles without the asked format. The first request meets a 429 with Retry-After. Then:
 * verdicts and raw answers as stored; disagreeing orders as a tie or an abstention by setting;
 * people's queues untouched by AI judgments (overlap 2, both labelers still get every task);
 * people's agreement, progress and labelers table without them; the pair snapshot by source;
 * the judge's agreement with people; the AI account that cannot sign in.
 */
abstract class AiJudgeScenarios {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct horse";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String RUBRIC = "Prefer the response that is marked GOOD.";

    @LocalServerPort
    int port;
    @Autowired
    JobService jobs;
    @Autowired
    ModelConnections connections;
    @Autowired
    ProjectService projects;
    @Autowired
    TaskService tasks;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    dev.pairwise.labeling.task.AssignmentService assignments;
    @Autowired
    JudgmentService judgments;
    @Autowired
    AiJudgments ai;
    @Autowired
    TrainingDataService data;
    @Autowired
    ProgressService progress;
    @Autowired
    LabelersService labelersTable;
    @Autowired
    dev.pairwise.app.registry.ModelRegistry registry;

    ScriptedOpenAiServer server;
    String suffix;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedOpenAiServer().otherwise(AiJudgeScenarios::judgeLike);
        suffix = UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Answers as the judge the prompt names: "consistent …", "position biased", or "rambling". */
    static void judgeLike(com.sun.net.httpserver.HttpExchange exchange, ScriptedOpenAiServer.Seen request)
            throws java.io.IOException, InterruptedException {
        String user = userMessage(request);
        String text;
        if (user.contains("position biased")) {
            text = "The first response is clearly better.\nRanking: 1 > 2";
        } else if (user.contains("rambling")) {
            text = "I prefer the first one, mostly.";
        } else {
            int good = user.indexOf("GOOD");
            int first = user.indexOf("[1]");
            int second = user.indexOf("[2]");
            boolean firstIsGood = good > first && good < second;
            text = "The GOOD one follows the principle.\nRanking: " + (firstIsGood ? "1 > 2" : "2 > 1");
        }
        answer(text, 40, 12).write(exchange, request);
    }

    static String userMessage(ScriptedOpenAiServer.Seen request) {
        for (JsonNode m : JSON.readTree(request.body()).get("messages")) {
            if (m.get("role").asString().equals("user")) {
                return m.get("content").asString();
            }
        }
        throw new AssertionError("no user message in " + request.body());
    }

    static String systemMessage(ScriptedOpenAiServer.Seen request) {
        return JSON.readTree(request.body()).get("messages").get(0).get("content").asString();
    }

    /** A connection that takes one request at a time, so the questions arrive in a known order. */
    private long connection(String name) {
        return connection(name, 1);
    }

    private long connection(String name, int maxConcurrent) {
        return connections.create(new ConnectionSettings(name, server.baseUrl(), "judge-model", 0.7, 1.0, 256,
                maxConcurrent, 100_000, Duration.ofSeconds(10)), null, "ai-judge-it").id();
    }

    private String account(Role role) {
        String name = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.save(new Account(name, name, encoder.encode(PASSWORD), Set.of(role), Instant.now()));
        return name;
    }

    private long accountId(String name) {
        return accounts.findByUsername(name).orElseThrow().getId();
    }

    /** A K=2, overlap-2 project of the named prompts, each with a GOOD and a bad response (GOOD first on odd ones). */
    private long project(List<String> prompts) {
        long id = projects.create(new ProjectSettings("ai-judge-" + suffix + "-" + prompts.size(), "Rank them.", 2, 2,
                false, false, 30)).id();
        List<NewPrompt> all = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            NewPrompt.NewResponse good = new NewPrompt.NewResponse("GOOD answer " + i, Origin.human());
            NewPrompt.NewResponse bad = new NewPrompt.NewResponse("poor answer " + i, Origin.human());
            all.add(new NewPrompt(prompts.get(i), i % 2 == 0 ? List.of(good, bad) : List.of(bad, good)));
        }
        tasks.storeAll(id, all);
        return id;
    }

    private JobView judge(long projectId, long connectionId, String onDisagreement) throws InterruptedException {
        String config = JSON.writeValueAsString(Map.of("projectId", projectId, "connectionId", connectionId,
                "rubric", RUBRIC, "onDisagreement", onDisagreement, "maxTokens", 64));
        return await(jobs.submit(new JobRequest(JobType.AI_JUDGE, config, "ai-judge-it")));
    }

    private JobView await(JobView job) throws InterruptedException {
        return AwaitJobs.finished(jobs, job.id(), Duration.ofSeconds(120));
    }

    /** The labeler ranks every task the queue gives them; GOOD first unless {@code contrarianOn} names the prompt. */
    private int labelAll(long projectId, long labelerId, String contrarianOn) {
        int done = 0;
        for (int i = 0; i < 20; i++) {
            Optional<NextTask> next = assignments.next(projectId, labelerId);
            if (next.isEmpty()) {
                return done;
            }
            NextTask t = next.get();
            ShownResponse good = t.responses().stream().filter(r -> r.text().startsWith("GOOD")).findFirst().orElseThrow();
            ShownResponse bad = t.responses().stream().filter(r -> !r.text().startsWith("GOOD")).findFirst().orElseThrow();
            List<List<Long>> tiers = t.prompt().equals(contrarianOn)
                    ? List.of(List.of(bad.id()), List.of(good.id())) : List.of(List.of(good.id()), List.of(bad.id()));
            judgments.submit(labelerId, new SubmitJudgment(t.taskId(), UUID.randomUUID().toString(), t.presentedOrder(),
                    tiers, null, null, false, null, null, null));
            done++;
        }
        throw new AssertionError("the queue did not run dry");
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_ai_judge_ranks_in_both_orders_and_its_judgments_stay_apart_from_peoples() throws Exception {
        long project = project(List.of("consistent one", "consistent two", "position biased", "rambling"));
        long judgeConnection = connection("scripted-judge-" + suffix);
        server.then(status(429, "slow down", "Retry-After", "1"));

        JobView job = judge(project, judgeConnection, "TIE");

        assertThat(job.status()).as(job.error() + "\n" + job.logTail()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.logTail()).contains("done: 2 ranked, 1 tied, 1 abstained, 0 without an answer, 0 skipped");
        // 8 questions (4 tasks x 2 orders) and the one the 429 answered, asked again after Retry-After.
        List<ScriptedOpenAiServer.Seen> seen = server.requests();
        assertThat(seen).hasSize(9);
        assertThat(seen.get(1).body()).isEqualTo(seen.get(0).body());
        assertThat((seen.get(1).arrivedNanos() - seen.get(0).arrivedNanos()) / 1_000_000).isGreaterThanOrEqualTo(990);
        assertThat(seen).allSatisfy(s -> assertThat(systemMessage(s)).contains(RUBRIC));
        // The second question of a task shows the responses reversed.
        String forward = userMessage(seen.get(1));
        String reversed = userMessage(seen.get(2));
        assertThat(forward.indexOf("GOOD answer 0")).isLessThan(forward.indexOf("poor answer 0"));
        assertThat(reversed.indexOf("GOOD answer 0")).isGreaterThan(reversed.indexOf("poor answer 0"));
        assertThat(forward).contains("Ranking:");
        JsonNode sent = JSON.readTree(seen.get(1).body());
        assertThat(sent.get("temperature").asDouble()).isZero();
        assertThat(sent.get("max_tokens").asInt()).isEqualTo(64);

        String judgeName = AiJudgments.accountName("scripted-judge-" + suffix);
        Map<String, AiVerdictView> verdicts = new HashMap<>();
        for (AiVerdictView v : ai.verdicts(project, 0, 100)) {
            verdicts.put(promptOf(v.taskId()), v);
            assertThat(v.judge()).isEqualTo(judgeName);
            assertThat(v.jobId()).isEqualTo(job.id());
        }
        assertThat(verdicts).hasSize(4);
        assertThat(verdicts.get("consistent one").outcome()).isEqualTo(AiOutcome.RANKED);
        assertThat(verdicts.get("consistent two").outcome()).isEqualTo(AiOutcome.RANKED);
        AiVerdictView biased = verdicts.get("position biased");
        assertThat(biased.outcome()).isEqualTo(AiOutcome.TIE);
        assertThat(biased.judgmentId()).isNotNull();
        assertThat(biased.forwardAnswer()).endsWith("Ranking: 1 > 2");
        assertThat(biased.reversedAnswer()).endsWith("Ranking: 1 > 2");
        assertThat(biased.reason()).isEqualTo("the two orders disagree on 1 of 1 pair; those are tied");
        AiVerdictView rambling = verdicts.get("rambling");
        assertThat(rambling.outcome()).isEqualTo(AiOutcome.ABSTAIN);
        assertThat(rambling.judgmentId()).isNull();
        assertThat(rambling.forwardAnswer()).isEqualTo("I prefer the first one, mostly.");
        assertThat(rambling.reason()).isEqualTo("first order: no line starting with 'Ranking:'; "
                + "reversed order: no line starting with 'Ranking:'");

        // The same judge has judged every task: a second job has nothing to do and is refused.
        String again = JSON.writeValueAsString(Map.of("projectId", project, "connectionId", judgeConnection,
                "rubric", RUBRIC));
        assertThatThrownBy(() -> jobs.submit(new JobRequest(JobType.AI_JUDGE, again, "ai-judge-it")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("config.projectId"));

        // A second judge that abstains when the orders disagree.
        JobView strict = judge(project, connection("scripted-judge-strict-" + suffix), "ABSTAIN");
        assertThat(strict.status()).as(strict.error()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(strict.logTail()).contains("done: 2 ranked, 0 tied, 2 abstained");

        // People's queues: AI judgments took none of the overlap, so both labelers get all 4 tasks.
        String alice = account(Role.LABELER);
        String bob = account(Role.LABELER);
        assertThat(labelAll(project, accountId(alice), "")).isEqualTo(4);
        assertThat(labelAll(project, accountId(bob), "rambling")).isEqualTo(4);

        ProjectProgress p = progress.progress(project);
        assertThat(p.judgments()).isEqualTo(8);
        assertThat(p.aiJudgments()).isEqualTo(3 + 2);
        assertThat(p.tasksDone()).isEqualTo(4);
        assertThat(p.labelers()).extracting(l -> l.username()).containsExactlyInAnyOrder(alice, bob);
        assertThat(labelersTable.table(project).asMap().get("labelers")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(2);

        // Training pairs by source: 8 people's pairs; AI: 2 + 2 strict pairs (ties and abstentions give none).
        assertThat(data.pairIds(project, false, List.of(), PairSource.HUMAN)).hasSize(8);
        assertThat(data.pairIds(project, false, List.of(), PairSource.AI)).hasSize(4);
        assertThat(data.pairIds(project, false, List.of(), PairSource.BOTH)).hasSize(12);
        assertThat(data.pairIds(project, false, List.of())).hasSize(8);
        // ... and as a DPO job's snapshot by its pairSource field (cancelled at once: only the snapshot matters).
        // A stand-in policy: only its tokenizer (with the chat tokens, which DPO checks at submission), no weights.
        java.nio.file.Path noModel = java.nio.file.Files.createTempDirectory("no-model");
        dev.pairwise.policy.tokenizer.CharTokenizer.train(List.of("abc")).save(noModel);
        long policy = registry.register(new dev.pairwise.app.registry.NewCheckpoint("policy-" + suffix,
                dev.pairwise.app.registry.CheckpointKind.SFT, noModel.toString(), null, null, null)).id();
        for (var source : Map.of("AI", 4, "HUMAN", 8, "BOTH", 12).entrySet()) {
            JobView dpo = jobs.submit(new JobRequest(JobType.DPO, JSON.writeValueAsString(Map.of("projectId", project,
                    "policyCheckpoint", policy, "pairSource", source.getKey())), "ai-judge-it"));
            jobs.cancel(dpo.id());
            assertThat(jobs.datasetIds(dpo.id())).as(source.getKey()).containsExactlyElementsOf(
                    data.pairIds(project, false, List.of(), PairSource.valueOf(source.getKey())))
                    .hasSize(source.getValue());
            await(jobs.get(dpo.id()));
        }
        assertThatThrownBy(() -> jobs.submit(new JobRequest(JobType.DPO, JSON.writeValueAsString(Map.of(
                "projectId", project, "policyCheckpoint", policy, "pairSource", "ROBOTS")), "ai-judge-it")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("config.pairSource"));

        String researcher = account(Role.RESEARCHER);
        JsonNode people = JSON.readTree(get("/api/projects/" + project + "/agreement", researcher, PASSWORD).body());
        assertThat(people.get("labelers").asInt()).isEqualTo(2);
        assertThat(people.get("pairwise_agreement").asDouble()).isEqualTo(0.75);
        JsonNode withAi = JSON.readTree(get("/api/projects/" + project + "/agreement?include_ai=true", researcher,
                PASSWORD).body());
        assertThat(withAi.get("labelers").asInt()).isEqualTo(4);

        // The judgments export keeps AI rankings, marked; the agreement command reads people's only.
        String export = get("/api/projects/" + project + "/export/judgments", researcher, PASSWORD).body();
        assertThat(export.lines().filter(l -> l.contains("\"ai\":true"))).hasSize(5);
        assertThat(export.lines()).hasSize(13);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("judgments", ".jsonl");
        java.nio.file.Files.writeString(file, export);
        assertThat(dev.pairwise.app.agreement.Agreement.of(dev.pairwise.app.agreement.JudgmentsFile.read(file))
                .pairwiseAgreement()).isEqualTo(0.75);
        assertThat(dev.pairwise.app.agreement.JudgmentsFile.read(file)).hasSize(8);
        java.nio.file.Files.delete(file);

        HttpResponse<String> r = get("/api/projects/" + project + "/ai-agreement", researcher, PASSWORD);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode agreement = JSON.readTree(r.body());
        assertThat(agreement.get("human_pairwise_agreement").asDouble()).isEqualTo(0.75);
        Map<String, JsonNode> byJudge = new HashMap<>();
        agreement.get("judges").forEach(j -> byJudge.put(j.get("judge").asString(), j));
        JsonNode first = byJudge.get(judgeName);
        assertThat(first.get("ranked").asLong()).isEqualTo(2);
        assertThat(first.get("ties").asLong()).isEqualTo(1);
        assertThat(first.get("abstained").asLong()).isEqualTo(1);
        assertThat(first.get("tasks_with_people").asInt()).isEqualTo(3);
        // Both strictly ranked tasks match the people's consensus; the tie is no strict pair.
        assertThat(first.get("pairwise_agreement").asDouble()).isEqualTo(1.0);
        JsonNode second = byJudge.get(AiJudgments.accountName("scripted-judge-strict-" + suffix));
        assertThat(second.get("abstained").asLong()).isEqualTo(2);

        HttpResponse<String> raw = get("/api/projects/" + project + "/ai-verdicts?limit=10", researcher, PASSWORD);
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(raw.body())).hasSize(8);
        assertThat(raw.body()).contains("I prefer the first one, mostly.");
        assertThat(get("/api/projects/" + project + "/ai-verdicts?limit=0", researcher, PASSWORD).statusCode())
                .isEqualTo(400);
        assertThat(get("/api/projects/" + project + "/ai-verdicts", alice, PASSWORD).statusCode()).isEqualTo(403);

        // The judge's account: AI role only, disabled, and no password signs it in.
        Account judgeAccount = accounts.findByUsername(judgeName).orElseThrow();
        assertThat(judgeAccount.getRoles()).containsExactly(Role.AI_JUDGE);
        assertThat(judgeAccount.isEnabled()).isFalse();
        assertThat(get("/api/projects", judgeName, PASSWORD).statusCode()).isEqualTo(401);
        assertThat(get("/api/projects", judgeName, judgeAccount.getPasswordHash()).statusCode()).isEqualTo(401);
    }

    @Test
    void a_judge_that_never_answers_fails_the_job_after_five_tasks_and_stores_nothing() throws Exception {
        long project = project(List.of("a", "b", "c", "d", "e", "f"));
        server.otherwise(status(400, "model not found"));

        JobView job = judge(project, connection("scripted-broken-" + suffix), "TIE");

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).contains("the judge gave no answer 5 times in a row");
        assertThat(server.requests()).hasSize(5); // 400 is not retried; the 6th task is never asked
        assertThat(ai.verdicts(project, 0, 100)).isEmpty();
        assertThat(progress.progress(project).aiJudgments()).isZero();
    }

    @Test
    void a_slow_judge_is_asked_as_many_tasks_at_once_as_its_connection_allows_and_all_land_in_order()
            throws Exception {
        List<String> prompts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            prompts.add("consistent " + i);
        }
        long project = project(prompts);
        server.otherwise(ScriptedOpenAiServer.after(Duration.ofMillis(300), AiJudgeScenarios::judgeLike));

        JobView job = judge(project, connection("scripted-slow-" + suffix, 4), "TIE");

        assertThat(job.status()).as(job.error() + "\n" + job.logTail()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.logTail()).contains("4 at a time").contains("done: 8 ranked, 0 tied, 0 abstained");
        List<ScriptedOpenAiServer.Seen> asked = server.requests();
        assertThat(asked).hasSize(16);
        assertThat(server.maxInFlight()).isBetween(2, 4); // the connection's cap holds
        // One at a time, each question is sent after the answer to the one before, which the server
        // holds 300 ms: the 16 arrive over at least 15 x 300 ms = 4.5 s however fast the machine is.
        // Four at a time they arrive over about 0.9 s. Timed at the server, from the first question
        // to the last, so the job's start and its last writes (seconds on a busy machine) are not in it.
        long spanMillis = (asked.stream().mapToLong(ScriptedOpenAiServer.Seen::arrivedNanos).max().orElseThrow()
                - asked.stream().mapToLong(ScriptedOpenAiServer.Seen::arrivedNanos).min().orElseThrow()) / 1_000_000;
        assertThat(spanMillis).as("first to last question at the server, ms").isLessThan(4_500);
        assertThat(ai.verdicts(project, 0, 100)).hasSize(8)
                .allSatisfy(v -> assertThat(v.outcome()).isEqualTo(AiOutcome.RANKED));
    }

    private String promptOf(long taskId) {
        return ai.task(taskId).prompt();
    }
}
