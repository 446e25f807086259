package dev.pairwise.app.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.app.connections.ConnectionSettings;
import dev.pairwise.app.connections.ModelConnections;
import dev.pairwise.app.instruct.GenerationPrompt;
import dev.pairwise.app.jobs.AwaitJobs;
import dev.pairwise.app.jobs.JobRequest;
import dev.pairwise.app.jobs.JobService;
import dev.pairwise.app.jobs.JobStatus;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.JobView;
import dev.pairwise.app.jobs.MetricPoint;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.formats.Speaker;
import dev.pairwise.labeling.instruct.InstructionStore;
import dev.pairwise.labeling.instruct.NewInstruction;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectSettings;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SELF_INSTRUCT with a real model and no stub: a character-level GPT this test trains (SFT) to
 * continue every task list of its three seeds with {@link #NEW_TASK}, and to answer that task
 * with {@link #ANSWER}. Once as a checkpoint loaded by the job, once behind the app's own
 * {@code /v1} through a model connection; each time the job stores what the model said (and, with
 * drafts, its answer), and refuses its repeat as a duplicate.
 */
class SelfInstructOverV1IT extends V1AppTest {

    static final List<String> SEEDS = List.of("Name a big city.", "Add two numbers.", "Spell a long word.");
    static final String NEW_TASK = "Name four red fruits";
    static final String ANSWER = "Apple, cherry, plum";
    static final String MODEL = "tiny-self-instruct";

    @Autowired
    JobService jobs;
    @Autowired
    ModelConnections connections;
    @Autowired
    ProjectService projects;
    @Autowired
    InstructionStore store;
    @Autowired
    JdbcClient jdbc;

    private static Path checkpoint;

    /** Every order of the seeds, alone and with the new task among them (what later requests show). */
    static synchronized Path checkpoint() throws Exception {
        if (checkpoint != null) {
            return checkpoint;
        }
        List<SftExample> examples = new ArrayList<>();
        for (List<String> order : orders(SEEDS)) {
            examples.add(new SftExample(List.of(new Turn(Speaker.USER, GenerationPrompt.encode(order))), NEW_TASK));
            List<String> withNew = new ArrayList<>(order);
            withNew.add(examples.size() % 4, NEW_TASK);
            examples.add(new SftExample(List.of(new Turn(Speaker.USER, GenerationPrompt.encode(withNew))), NEW_TASK));
        }
        for (int i = 0; i < 4; i++) {
            examples.add(new SftExample(List.of(new Turn(Speaker.USER, NEW_TASK)), ANSWER));
        }
        List<SftExample> probes = List.of(examples.getFirst(), examples.get(3), examples.getLast());
        checkpoint = TinyJudges.train(MODEL, examples, probes, 32, 600);
        return checkpoint;
    }

    private static List<List<String>> orders(List<String> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<String> rest = new ArrayList<>(items);
            String first = rest.remove(i);
            for (List<String> tail : orders(rest)) {
                List<String> o = new ArrayList<>(List.of(first));
                o.addAll(tail);
                out.add(o);
            }
        }
        return out;
    }

    private long seededProject(String name) {
        long id = projects.create(new ProjectSettings(name + "-" + UUID.randomUUID().toString().substring(0, 6),
                "Rank them.", 2, 1, false, false, 30)).id();
        store.store(id, SEEDS.stream().map(s -> new NewInstruction(s, null)).toList());
        return id;
    }

    private JobView run(Map<String, Object> config) throws Exception {
        JobView job = jobs.submit(new JobRequest(JobType.SELF_INSTRUCT, JSON.writeValueAsString(config), "self-instruct-v1"));
        return AwaitJobs.finished(jobs, job.id(), Duration.ofSeconds(180));
    }

    private double metric(JobView job, String name) {
        return jobs.metrics(job.id()).stream().filter(m -> m.name().equals(name)).reduce((a, b) -> b)
                .map(MetricPoint::value).orElseThrow(() -> new AssertionError("no metric " + name));
    }

    private List<String> prompts(long projectId) {
        return jdbc.sql("SELECT text FROM prompts WHERE project_id = :p ORDER BY id").param("p", projectId)
                .query(String.class).list();
    }

    @Test
    void a_checkpoint_and_the_same_model_behind_our_own_v1_grow_a_project() throws Exception {
        register(MODEL, CheckpointKind.SFT, checkpoint());
        long checkpointId = registry.findByName(MODEL).orElseThrow().id();

        long direct = seededProject("self-instruct-ckpt");
        JobView first = run(Map.of("projectId", direct, "checkpointId", checkpointId, "target", 2, "maxRequests", 2,
                "temperature", 0.0, "maxTokens", 24, "withDrafts", true));
        assertThat(first.status()).as(first.error() + "\n" + first.logTail()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(prompts(direct)).containsExactly(SEEDS.get(0), SEEDS.get(1), SEEDS.get(2), NEW_TASK);
        assertThat(metric(first, "requests")).isEqualTo(2);
        assertThat(metric(first, "rejected_duplicate")).as("the second request's answer is the first's").isEqualTo(1);
        assertThat(jdbc.sql("SELECT response FROM demonstrations WHERE project_id = :p").param("p", direct)
                .query(String.class).list()).containsExactly(ANSWER);

        long connection = connections.create(new ConnectionSettings("own-v1-si-" + UUID.randomUUID().toString()
                        .substring(0, 6), baseUrl(), MODEL, 0.0, 1.0, 24, 1, 10_000, Duration.ofSeconds(60)),
                researcher, "self-instruct-v1").id();
        long served = seededProject("self-instruct-v1");
        JobView second = run(Map.of("projectId", served, "connectionId", connection, "target", 1, "maxRequests", 3,
                "temperature", 0.0, "maxTokens", 24));
        assertThat(second.status()).as(second.error() + "\n" + second.logTail()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(prompts(served)).containsExactly(SEEDS.get(0), SEEDS.get(1), SEEDS.get(2), NEW_TASK);
        assertThat(metric(second, "requests")).isEqualTo(1);
    }
}
