package dev.pairwise.app.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pairwise.app.aijudge.JudgePrompt;
import dev.pairwise.app.connections.ConnectionSettings;
import dev.pairwise.app.connections.ConnectionView;
import dev.pairwise.app.connections.ModelConnections;
import dev.pairwise.app.jobs.JobRequest;
import dev.pairwise.app.jobs.AwaitJobs;
import dev.pairwise.app.jobs.JobService;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.JobView;
import dev.pairwise.app.jobs.MetricPoint;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.formats.Speaker;
import dev.pairwise.labeling.ai.AiJudgments;
import dev.pairwise.labeling.ai.AiOutcome;
import dev.pairwise.labeling.ai.AiVerdictView;
import dev.pairwise.labeling.ai.TaskToJudge;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectSettings;
import dev.pairwise.labeling.task.NewPrompt;
import dev.pairwise.labeling.task.Origin;
import dev.pairwise.labeling.task.Response;
import dev.pairwise.labeling.task.ResponseRepository;
import dev.pairwise.labeling.task.ShownResponse;
import dev.pairwise.labeling.task.TaskService;
import dev.pairwise.policy.data.pairs.SftExample;
import dev.pairwise.policy.data.pairs.Turn;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11's loop end to end with no stub: the app on a real port serves tiny checkpoints at
 * {@code /v1}; a connection to that server (a real API token as its key) and one checkpoint are
 * mixed by a SAMPLE job into a K = 2 project; a judge that this test trains on the sampled tasks
 * is served by the same {@code /v1} and asked through a second connection by an AI_JUDGE job, in
 * both orders; and {@code GET /api/projects/{id}/leaderboard} ranks the two systems by the AI's
 * verdicts. The judge is taught to prefer the connection's answer on two tasks and the
 * checkpoint's on one, and to answer "Ranking: 1 > 2" whatever the order on the fourth (a
 * position bias, hence a tie), so the board's numbers are known in advance: 4 battles, win rates
 * 5/8 and 3/8 (a tie ½), and under Arena's rule (decisive votes as two wins, a tie as one each
 * way) a rating gap of 400·log10(5/3).
 */
class SampleJudgeLeaderboardIT extends V1AppTest {

    static final String RUBRIC = "Prefer the right answer.";

    /** What the judge is taught to say about a task. */
    enum Plan {
        /** the connection's answer is better, in both orders */
        CONNECTION,
        /** the checkpoint's answer is better, in both orders */
        CHECKPOINT,
        /** "Ranking: 1 > 2" in both orders: position bias, which the two orders turn into a tie */
        TIE
    }

    /** The plan per task, in task order. */
    static final Plan[] PLAN = {Plan.CONNECTION, Plan.CONNECTION, Plan.CHECKPOINT, Plan.TIE};

    @Autowired
    JobService jobs;
    @Autowired
    ModelConnections connections;
    @Autowired
    ProjectService projects;
    @Autowired
    TaskService tasks;
    @Autowired
    ResponseRepository responses;
    @Autowired
    AiJudgments ai;

    @Test
    void a_mix_sampled_over_our_own_v1_is_judged_by_a_model_behind_v1_and_both_systems_reach_the_leaderboard()
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        ConnectionView sampler = connections.create(new ConnectionSettings("loop-v1-" + suffix, baseUrl(), TEN, 1.0,
                1.0, 16, 1, 10_000, Duration.ofSeconds(60)), researcher, "loop-it");
        long checkpoint = registry.findByName(FIVE).orElseThrow().id();
        Plan[] plan = PLAN;

        // 1. SAMPLE: each prompt's two responses, one from the connection over HTTP, one from the checkpoint.
        long source = project("loop-prompts-" + suffix);
        List<NewPrompt> prompts = new ArrayList<>();
        for (int i = 0; i < plan.length; i++) {
            prompts.add(new NewPrompt(TinyChatCheckpoints.prompt(i), List.of(
                    new NewPrompt.NewResponse("a", Origin.imported("seed")),
                    new NewPrompt.NewResponse("b", Origin.imported("seed")))));
        }
        tasks.storeAll(source, prompts);
        long target = project("loop-mix-" + suffix);
        JobView sampled = finish(jobs.submit(new JobRequest(JobType.SAMPLE, JSON.writeValueAsString(Map.of(
                "projectId", target, "sourceProjectId", source, "maxNewTokens", 12, "seed", 5, "systems", List.of(
                        Map.of("connectionId", sampler.id(), "temperature", 0.9, "count", 1),
                        Map.of("checkpointId", checkpoint, "count", 1)))), "loop-it")));
        assertThat(metric(sampled, "tasks")).isEqualTo(plan.length);
        assertThat(metric(sampled, "failed_prompts")).isZero();

        // 2. The judge learns, on exactly the questions the AI_JUDGE job will ask, the verdicts of the plan.
        String judgeModel = "loop-judge-" + suffix;
        ConnectionView judge = connections.create(new ConnectionSettings("loop-judge-v1-" + suffix, baseUrl(),
                judgeModel, 0.0, 1.0, 24, 1, 10_000, Duration.ofSeconds(60)), researcher, "loop-it");
        List<Long> taskIds = ai.tasksToJudge(target, judge.name(), 100); // what the job will ask about
        assertThat(taskIds).hasSize(plan.length);
        List<SftExample> lessons = new ArrayList<>();
        Map<Long, Long> connectionResponse = new HashMap<>(); // task -> the response the connection wrote
        for (int i = 0; i < plan.length; i++) {
            TaskToJudge task = ai.task(taskIds.get(i));
            Map<Long, String> systemOf = new HashMap<>();
            for (Response r : responses.findByPromptIdOrderById(task.promptId())) {
                systemOf.put(r.getId(), r.getOrigin().model());
            }
            List<ShownResponse> shown = task.responses();
            assertThat(shown).hasSize(2).extracting(r -> systemOf.get(r.id()))
                    .containsExactlyInAnyOrder(sampler.name(), FIVE);
            // A judge cannot tell identical answers apart; the sampling is seeded, so this holds every run.
            assertThat(shown.get(0).text()).as("task %d's two answers", task.taskId()).isNotEqualTo(shown.get(1).text());
            int fromConnection = systemOf.get(shown.get(0).id()).equals(sampler.name()) ? 1 : 2;
            connectionResponse.put(task.taskId(), shown.get(fromConnection - 1).id());
            List<String> texts = shown.stream().map(ShownResponse::text).toList();
            int best = switch (plan[i]) {
                case CONNECTION -> fromConnection;
                case CHECKPOINT -> 3 - fromConnection;
                case TIE -> 1;
            };
            // Forward: the task's order; reversed: the same responses numbered the other way round.
            lessons.add(lesson(task.prompt(), texts, best));
            lessons.add(lesson(task.prompt(), texts.reversed(), plan[i] == Plan.TIE ? 1 : 3 - best));
        }
        Path judgeDir = TinyJudges.train(judgeModel, lessons, lessons, 64, 900);
        register(judgeModel, CheckpointKind.SFT, judgeDir); // now /v1 serves it under the connection's model name

        // 3. AI_JUDGE through the judge's connection, both orders of every task over /v1.
        JobView judged = finish(jobs.submit(new JobRequest(JobType.AI_JUDGE, JSON.writeValueAsString(Map.of(
                "projectId", target, "connectionId", judge.id(), "rubric", RUBRIC, "onDisagreement", "TIE",
                "maxTokens", 24)), "loop-it")));
        assertThat(judged.logTail()).contains("done: 3 ranked, 1 tied, 0 abstained, 0 without an answer");
        List<AiVerdictView> verdicts = ai.verdicts(target, 0, 100);
        assertThat(verdicts).hasSize(plan.length);
        for (AiVerdictView v : verdicts) {
            Plan expected = plan[taskIds.indexOf(v.taskId())];
            assertThat(v.judge()).isEqualTo(AiJudgments.accountName(judge.name()));
            assertThat(v.outcome()).as("task %d", v.taskId())
                    .isEqualTo(expected == Plan.TIE ? AiOutcome.TIE : AiOutcome.RANKED);
            assertThat(v.judgmentId()).as("RANKED and TIE both store a judgment").isNotNull();
        }
        // The stored rankings: the planned winner's answer alone in the first tier, or one shared tier.
        List<AiJudgments.AiRanking> rankings = ai.rankings(target);
        assertThat(rankings).hasSize(plan.length);
        for (AiJudgments.AiRanking r : rankings) {
            Plan expected = plan[taskIds.indexOf(r.taskId())];
            long mine = connectionResponse.get(r.taskId());
            switch (expected) {
                case CONNECTION -> assertThat(r.tiers()).hasSize(2).first().isEqualTo(List.of(mine));
                case CHECKPOINT -> assertThat(r.tiers()).hasSize(2).last().isEqualTo(List.of(mine));
                case TIE -> {
                    assertThat(r.tiers()).hasSize(1);
                    assertThat(r.tiers().getFirst()).hasSize(2).contains(mine);
                }
            }
        }
        int judgmentsStored = rankings.size();

        // 4. The leaderboard: both systems, every stored AI verdict one battle, the ratings Arena's.
        HttpResponse<String> answer = get("/api/projects/" + target + "/leaderboard", researcher);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode board = JSON.readTree(answer.body());
        assertThat(board.get("ties").asString()).isEqualTo("arena");
        assertThat(board.get("battles").asInt()).isEqualTo(judgmentsStored);
        JsonNode systems = board.get("systems");
        assertThat(systems).hasSize(2);
        JsonNode first = systems.get(0);
        JsonNode second = systems.get(1);
        assertThat(first.get("name").asString()).as("best first").isEqualTo(sampler.name());
        assertThat(second.get("name").asString()).isEqualTo(FIVE);
        for (JsonNode s : List.of(first, second)) {
            assertThat(s.get("battles").asInt()).isEqualTo(judgmentsStored);
            assertThat(s.get("ci_low").asDouble()).isLessThanOrEqualTo(s.get("rating").asDouble());
            assertThat(s.get("ci_high").asDouble()).isGreaterThanOrEqualTo(s.get("rating").asDouble());
        }
        assertThat(first.get("win_rate").asDouble()).isCloseTo(2.5 / 4, within(1e-9));
        assertThat(second.get("win_rate").asDouble()).isCloseTo(1.5 / 4, within(1e-9));
        // Arena: 2 wins x2 + the tie once = 5 wins for the connection, 1 win x2 + 1 = 3 for the checkpoint.
        double gap = 400 * Math.log10(5.0 / 3.0);
        assertThat(first.get("rating").asDouble()).isCloseTo(1000 + gap / 2, within(1.0));
        assertThat(second.get("rating").asDouble()).isCloseTo(1000 - gap / 2, within(1.0));
    }

    private long project(String name) {
        return projects.create(new ProjectSettings(name, "Rank them.", 2, 1, true, false, 30)).id();
    }

    /** One judging question as the connection sends it, and the ranking the judge should answer. */
    private static SftExample lesson(String prompt, List<String> responses, int best) {
        return new SftExample(List.of(new Turn(Speaker.SYSTEM, JudgePrompt.system(RUBRIC)),
                new Turn(Speaker.USER, JudgePrompt.user(prompt, responses))), "Ranking: " + best + " > " + (3 - best));
    }

    private JobView finish(JobView job) throws InterruptedException {
        return AwaitJobs.succeeded(jobs, job.id(), Duration.ofSeconds(240));
    }

    private double metric(JobView job, String name) {
        return jobs.metrics(job.id()).stream().filter(m -> m.name().equals(name)).reduce((a, b) -> b)
                .map(MetricPoint::value).orElseThrow(() -> new AssertionError("no metric " + name));
    }
}
