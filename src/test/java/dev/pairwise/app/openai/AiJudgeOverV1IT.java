package dev.pairwise.app.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.app.aijudge.BothOrders;
import dev.pairwise.app.aijudge.JudgePrompt;
import dev.pairwise.app.aijudge.RankingAnswer;
import dev.pairwise.app.connections.ConnectionSettings;
import dev.pairwise.app.connections.ModelConnections;
import dev.pairwise.app.jobs.JobRequest;
import dev.pairwise.app.jobs.AwaitJobs;
import dev.pairwise.app.jobs.JobService;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.formats.Speaker;
import dev.pairwise.labeling.ai.AiJudgments;
import dev.pairwise.labeling.ai.AiOutcome;
import dev.pairwise.labeling.ai.AiVerdictView;
import dev.pairwise.labeling.ai.TaskToJudge;
import dev.pairwise.labeling.progress.ProgressService;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectSettings;
import dev.pairwise.labeling.task.Ids;
import dev.pairwise.labeling.task.NewPrompt;
import dev.pairwise.labeling.task.Origin;
import dev.pairwise.labeling.task.ShownResponse;
import dev.pairwise.labeling.task.TaskService;
import dev.pairwise.policy.data.pairs.SftExample;
import dev.pairwise.policy.data.pairs.Turn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The AI labeler with no stub anywhere: a character-level GPT that this test trains (SFT) to
 * answer every judging question with "Ranking: 1 > 2" — a judge with total position bias — is
 * served by the app's own {@code /v1}; a model connection points at that endpoint with a real API
 * token, and an AI_JUDGE job asks it about every task of a project in both orders over real HTTP.
 * Each raw answer stored is what {@code /v1} answers for that question, and since the judge
 * always prefers whatever stands first, both orders disagree on every task: all ties, no pairs.
 */
class AiJudgeOverV1IT extends V1AppTest {

    static final String RUBRIC = "Prefer the helpful answer.";
    static final String TARGET = "Ranking: 1 > 2";
    static final String JUDGE = "tiny-judge";

    @Autowired
    JobService jobs;
    @Autowired
    ModelConnections connections;
    @Autowired
    ProjectService projects;
    @Autowired
    TaskService tasks;
    @Autowired
    AiJudgments ai;
    @Autowired
    ProgressService progress;

    private static Path judgeCheckpoint;

    /** Trains the position-biased judge once: SFT on judging questions until greedy decoding answers {@link #TARGET}. */
    static synchronized Path judgeCheckpoint() throws Exception {
        if (judgeCheckpoint != null) {
            return judgeCheckpoint;
        }
        List<SftExample> examples = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            List<String> responses = List.of("answer " + i + " is " + (i * 7 % 10), "maybe " + (i * 3 % 10));
            List<Turn> turns = List.of(new Turn(Speaker.SYSTEM, JudgePrompt.system(RUBRIC)),
                    new Turn(Speaker.USER, JudgePrompt.user("question " + i, i % 2 == 0 ? responses : responses.reversed())));
            examples.add(new SftExample(turns, TARGET));
        }
        // One question it trained on and one it never saw: the constant answer must hold for both.
        List<SftExample> probes = List.of(examples.getFirst(), new SftExample(List.of(
                new Turn(Speaker.SYSTEM, JudgePrompt.system(RUBRIC)),
                new Turn(Speaker.USER, JudgePrompt.user("question 77", List.of("maybe 9", "answer 4")))), TARGET));
        judgeCheckpoint = TinyJudges.train("tiny-judge", examples, probes, 32, 300);
        return judgeCheckpoint;
    }

    @Test
    void a_connection_to_our_own_v1_judges_a_project_and_its_position_bias_shows_as_ties() throws Exception {
        register(JUDGE, CheckpointKind.SFT, judgeCheckpoint());
        long connection = connections.create(new ConnectionSettings("own-v1-" + UUID.randomUUID().toString()
                        .substring(0, 6), baseUrl(), JUDGE, 0.0, 1.0, 32, 1, 10_000, Duration.ofSeconds(60)),
                researcher, "ai-judge-v1-it").id();
        long project = projects.create(new ProjectSettings("v1-judged-" + UUID.randomUUID().toString().substring(0, 6),
                "Rank them.", 2, 1, false, false, 30)).id();
        List<NewPrompt> prompts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            prompts.add(new NewPrompt("question " + (20 + i), List.of(
                    new NewPrompt.NewResponse("answer " + i, Origin.human()),
                    new NewPrompt.NewResponse("maybe " + (i + 5), Origin.human()))));
        }
        tasks.storeAll(project, prompts);

        String config = JSON.writeValueAsString(Map.of("projectId", project, "connectionId", connection,
                "rubric", RUBRIC, "onDisagreement", "TIE", "maxTokens", 32));
        AwaitJobs.succeeded(jobs, jobs.submit(new JobRequest(JobType.AI_JUDGE, config, "ai-judge-v1-it")).id(),
                Duration.ofSeconds(180));
        List<AiVerdictView> verdicts = ai.verdicts(project, 0, 100);
        assertThat(verdicts).hasSize(3);
        for (AiVerdictView v : verdicts) {
            TaskToJudge task = ai.task(v.taskId());
            List<String> shown = task.responses().stream().map(ShownResponse::text).toList();
            // The stored raw answers are what /v1 answers for the same two questions (greedy: repeatable).
            assertThat(v.forwardAnswer()).isEqualTo(askV1(task.prompt(), shown)).isEqualTo(TARGET);
            assertThat(v.reversedAnswer()).isEqualTo(askV1(task.prompt(), shown.reversed())).isEqualTo(TARGET);
            assertThat(v.forwardOrder()).isEqualTo(Ids.join(task.order()));
            BothOrders.Verdict expected = BothOrders.reconcile(task.order(), RankingAnswer.read(TARGET, 2),
                    task.order().reversed(), RankingAnswer.read(TARGET, 2), BothOrders.OnDisagreement.TIE);
            assertThat(v.outcome()).isEqualTo(expected.outcome()).isEqualTo(AiOutcome.TIE);
            assertThat(v.judge()).isEqualTo(AiJudgments.accountName(connections.get(connection).name()));
        }
        assertThat(progress.progress(project).aiJudgments()).isEqualTo(3);
        assertThat(progress.progress(project).pairs()).as("ties expand into no pairs").isZero();
        assertThat(progress.progress(project).tasksDone()).as("AI judgments complete no task").isZero();
    }

    @Test
    void the_same_checkpoint_judges_in_process_and_every_verdict_follows_from_its_stored_answers() throws Exception {
        register(JUDGE, CheckpointKind.SFT, judgeCheckpoint());
        long checkpoint = registry.findByName(JUDGE).orElseThrow().id();
        long project = projects.create(new ProjectSettings("ckpt-judged-" + UUID.randomUUID().toString().substring(0, 6),
                "Rank them.", 3, 1, false, false, 30)).id();
        List<NewPrompt> prompts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            prompts.add(new NewPrompt("question " + (40 + i), List.of(
                    new NewPrompt.NewResponse("answer " + i, Origin.human()),
                    new NewPrompt.NewResponse("maybe " + i, Origin.human()),
                    new NewPrompt.NewResponse("no idea " + i, Origin.human()))));
        }
        tasks.storeAll(project, prompts);

        String config = JSON.writeValueAsString(Map.of("projectId", project, "judgeCheckpoint", checkpoint,
                "rubric", RUBRIC, "onDisagreement", "ABSTAIN", "maxTokens", 24));
        AwaitJobs.succeeded(jobs, jobs.submit(new JobRequest(JobType.AI_JUDGE, config, "ai-judge-v1-it")).id(),
                Duration.ofSeconds(180));
        List<AiVerdictView> verdicts = ai.verdicts(project, 0, 100);
        assertThat(verdicts).hasSize(2);
        for (AiVerdictView v : verdicts) {
            assertThat(v.judge()).isEqualTo("ai." + JUDGE);
            assertThat(v.forwardAnswer()).isNotNull();
            assertThat(v.reversedAnswer()).isNotNull();
            // Whatever the tiny model said (it learned two-response rankings; these tasks have three),
            // the verdict is what the parser and the two-order rule make of the stored answers.
            TaskToJudge task = ai.task(v.taskId());
            BothOrders.Verdict expected = BothOrders.reconcile(task.order(), RankingAnswer.read(v.forwardAnswer(), 3),
                    task.order().reversed(), RankingAnswer.read(v.reversedAnswer(), 3), BothOrders.OnDisagreement.ABSTAIN);
            assertThat(v.outcome()).isEqualTo(expected.outcome());
            assertThat(v.reason()).isEqualTo(expected.reason());
            assertThat(v.judgmentId() == null).isEqualTo(expected.outcome() == AiOutcome.ABSTAIN);
        }
    }

    /** The judge's question asked straight to {@code /v1}, as the connection asks it. */
    private String askV1(String prompt, List<String> responses) throws Exception {
        String body = JSON.writeValueAsString(Map.of("model", JUDGE, "temperature", 0.0, "top_p", 1.0,
                "max_tokens", 32, "messages", List.of(
                        Map.of("role", "system", "content", JudgePrompt.system(RUBRIC)),
                        Map.of("role", "user", "content", JudgePrompt.user(prompt, responses)))));
        JsonNode answer = complete(body);
        return answer.get("choices").get(0).get("message").get("content").asString();
    }
}
