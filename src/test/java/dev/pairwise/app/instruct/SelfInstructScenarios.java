package dev.pairwise.app.instruct;

import static dev.pairwise.app.connections.ScriptedOpenAiServer.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pairwise.app.connections.ConnectionSettings;
import dev.pairwise.app.connections.ModelConnections;
import dev.pairwise.app.connections.ScriptedOpenAiServer;
import dev.pairwise.app.jobs.AwaitJobs;
import dev.pairwise.app.jobs.JobRequest;
import dev.pairwise.app.jobs.JobService;
import dev.pairwise.app.jobs.JobStatus;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.JobView;
import dev.pairwise.app.jobs.MetricPoint;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.instruct.InstructionStore;
import dev.pairwise.labeling.instruct.NewInstruction;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SELF_INSTRUCT jobs through the whole app, on H2 and PostgreSQL by the subclasses, with the model
 * a connection to a scripted OpenAI-compatible server on 127.0.0.1. Asked for tasks, the server
 * continues the numbered list with one candidate of each kind the filters refuse (an exact seed,
 * a near-copy of a seed, a near-copy of an instruction it generated before, a blacklisted word,
 * too short, "Write a program", non-ASCII first) and then two new, distinct instructions; asked
 * anything else, it answers "Answer: <the question>". The job must store exactly the survivors,
 * with drafts where asked, count each refusal by reason, and a second run must store nothing twice.
 */
abstract class SelfInstructScenarios {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final List<String> SEEDS = List.of(
            "Give three tips for staying healthy.",
            "What is the relation between the given pairs?",
            "Generate a one-sentence description for each of the following people.",
            "Suggest a name for a new coffee shop in Paris.",
            "Translate the following sentence into French.",
            "Classify the sentiment of this movie review.",
            "Explain the difference between weather and climate.",
            "Write a haiku about the first snow of winter.");

    /** Distinct new instructions (pairwise ROUGE-L well below 0.7); request n yields the n-th pair. */
    static final List<String> NEW = List.of(
            "Compose a polite email declining a meeting invitation.",
            "List five countries whose capital cities start with the letter B.",
            "Rewrite this paragraph so a ten-year-old could understand it.",
            "Estimate how many piano tuners work in Chicago and justify each step.",
            "Propose a weekly budget for a student living alone.",
            "Identify the logical fallacy in the argument below.",
            "Summarize the plot of Hamlet in two sentences.",
            "Convert the following temperatures from Celsius to Fahrenheit.");

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
    @Value("${pairwise.jobs.import-roots}")
    String importRoot;

    ScriptedOpenAiServer server;
    final AtomicInteger generationRequests = new AtomicInteger();
    String suffix;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedOpenAiServer().otherwise(this::modelLike);
        suffix = UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Continues a task list as described above, or answers a question. */
    private void modelLike(com.sun.net.httpserver.HttpExchange exchange, ScriptedOpenAiServer.Seen request)
            throws IOException, InterruptedException {
        String user = userMessage(request);
        if (!user.startsWith("Come up with a series of tasks:")) {
            answer("Answer: " + user, 10, 10).write(exchange, request);
            return;
        }
        int n = generationRequests.getAndIncrement() % (NEW.size() / 2);
        StringBuilder list = new StringBuilder(" " + SEEDS.get(n).toUpperCase() + "\n");                 // DUPLICATE
        list.append("10. ").append(SEEDS.get(n + 1)).append(" Be brief.\n");                             // SIMILAR (seed)
        if (n > 0) {
            list.append("11. ").append(NEW.get(2 * n - 2).replace(".", " today.")).append('\n');         // SIMILAR (generated)
        }
        list.append("12. Describe the image attached to this message.\n");                             // BLACKLISTED
        list.append("13. Sort it.\n");                                                                 // TOO_SHORT
        list.append("14. Write a program that prints the prime numbers below 100.\n");                 // WRITE_A_PROGRAM
        list.append("15. Ébauchez un plan pour un exposé sur la mer.\n");                             // NON_ASCII
        list.append("16. ").append(NEW.get(2 * n)).append('\n');
        list.append("17. ").append(NEW.get(2 * n + 1)).append("\n18.");
        answer(list.toString(), 200, 120).write(exchange, request);
    }

    static String userMessage(ScriptedOpenAiServer.Seen request) {
        for (JsonNode m : JSON.readTree(request.body()).get("messages")) {
            if (m.get("role").asString().equals("user")) {
                return m.get("content").asString();
            }
        }
        throw new AssertionError("no user message in " + request.body());
    }

    private long connection() {
        return connections.create(new ConnectionSettings("self-instruct-" + suffix, server.baseUrl(), "gen-model", 0.7,
                1.0, 512, 4, 100_000, Duration.ofSeconds(10)), null, "self-instruct-it").id();
    }

    private long project(String name) {
        return projects.create(new ProjectSettings("self-instruct-" + suffix + "-" + name, "Rank them.", 2, 1,
                false, false, 30)).id();
    }

    private Path seedFile() throws IOException {
        Path dir = Files.createDirectories(Path.of(importRoot));
        Path file = dir.resolve("seeds-" + suffix + ".jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < SEEDS.size(); i++) {
            lines.append(JSON.writeValueAsString(Map.of("id", "seed_task_" + i, "instruction", SEEDS.get(i),
                    "instances", List.of(Map.of("input", "", "output", "...")), "is_classification", false))).append('\n');
        }
        return Files.writeString(file, lines.toString());
    }

    private JobView run(Map<String, Object> config) throws InterruptedException {
        JobView job = jobs.submit(new JobRequest(JobType.SELF_INSTRUCT, JSON.writeValueAsString(config), "self-instruct-it"));
        return AwaitJobs.finished(jobs, job.id(), Duration.ofSeconds(120));
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
    void grows_prompts_from_a_seed_file_refusing_by_reason_with_drafts_and_never_twice() throws Exception {
        long connectionId = connection();
        long projectId = project("file");
        Path seeds = seedFile();
        Map<String, Object> config = new HashMap<>(Map.of("projectId", projectId, "connectionId", connectionId,
                "seedFile", seeds.toString(), "target", 6, "maxRequests", 10, "seed", 11, "withDrafts", true));
        JobView done = run(config);

        assertThat(done.status()).as(done.error()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(prompts(projectId)).containsExactlyElementsOf(NEW.subList(0, 6));
        assertThat(metric(done, "stored")).isEqualTo(6);
        assertThat(metric(done, "requests")).isEqualTo(3);
        assertThat(metric(done, "rejected_duplicate")).isEqualTo(3);
        assertThat(metric(done, "rejected_similar")).isEqualTo(3 + 2); // a seed's near-copy each, a generated one's from the 2nd on
        assertThat(metric(done, "rejected_blacklisted")).isEqualTo(3);
        assertThat(metric(done, "rejected_too_short")).isEqualTo(3);
        assertThat(metric(done, "rejected_write_a_program")).isEqualTo(3);
        assertThat(metric(done, "rejected_non_ascii")).isEqualTo(3);
        assertThat(metric(done, "rejected_punctuation")).isZero();
        assertThat(metric(done, "candidates")).isEqualTo(3 * 8 + 2);

        // The requests: eight in-context instructions, all seeds at first, two generated ones after.
        List<String> asked = server.requests().stream().map(SelfInstructScenarios::userMessage)
                .filter(u -> u.startsWith("Come up with a series of tasks:")).toList();
        assertThat(asked).hasSize(3);
        assertThat(asked.getFirst().lines().filter(l -> l.matches("\\d+\\. .*"))).hasSize(8);
        assertThat(SEEDS).allMatch(s -> asked.getFirst().contains(s));
        assertThat(asked.getFirst()).endsWith("\n9.");
        assertThat(asked.get(1)).contains(NEW.get(0)).contains(NEW.get(1));

        // Drafts: the model's answer to each stored instruction, for people to edit.
        List<Map<String, Object>> demos = jdbc.sql("SELECT instruction, response, status, source, author_id FROM demonstrations"
                + " WHERE project_id = :p ORDER BY id").param("p", projectId).query().listOfRows();
        assertThat(demos).hasSize(6);
        for (int i = 0; i < 6; i++) {
            Map<String, Object> d = demos.get(i);
            assertThat(d.get("instruction")).isEqualTo(NEW.get(i));
            assertThat(d.get("response")).isEqualTo("Answer: " + NEW.get(i));
            assertThat(d.get("status")).isEqualTo("DRAFT");
            assertThat(d.get("source")).isEqualTo("self-instruct");
            assertThat(d.get("author_id")).isNull();
        }

        // A second run meets the same answers: everything is already in the project.
        generationRequests.set(0);
        config.put("maxRequests", 3);
        JobView again = run(config);
        assertThat(again.status()).as(again.error()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(metric(again, "stored")).isZero();
        assertThat(metric(again, "rejected_duplicate")).isEqualTo(3 + 6);
        assertThat(prompts(projectId)).containsExactlyElementsOf(NEW.subList(0, 6));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM demonstrations WHERE project_id = :p").param("p", projectId)
                .query(Long.class).single()).isEqualTo(6);
    }

    @Test
    void the_projects_own_prompts_can_be_the_seeds() throws Exception {
        long projectId = project("own");
        assertThat(store.store(projectId, SEEDS.stream().map(s -> new NewInstruction(s, null)).toList())).isEqualTo(8);
        JobView done = run(Map.of("projectId", projectId, "connectionId", connection(), "target", 3,
                "maxRequests", 5));
        assertThat(done.status()).as(done.error()).isEqualTo(JobStatus.SUCCEEDED);
        // Two from the first request, one from the second: the target stops it mid-list.
        assertThat(prompts(projectId).subList(8, 11)).containsExactlyElementsOf(NEW.subList(0, 3));
        assertThat(prompts(projectId)).hasSize(11);
        assertThat(metric(done, "requests")).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM demonstrations WHERE project_id = :p").param("p", projectId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void the_papers_seed_tasks_feed_the_requests() throws Exception {
        Path paper = SeedTasksTest.PAPER_SEEDS.toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(paper), "skipped: " + paper + " is absent (the shared data folder)");
        Path copy = Files.createDirectories(Path.of(importRoot)).resolve("paper-seeds-" + suffix + ".jsonl");
        Files.copy(paper, copy);
        List<String> seeds = SeedTasks.read(paper, "seedFile");
        long projectId = project("paper");
        JobView done = run(Map.of("projectId", projectId, "connectionId", connection(), "seedFile", copy.toString(),
                "target", 2, "maxRequests", 1));
        assertThat(done.status()).as(done.error()).isEqualTo(JobStatus.SUCCEEDED);
        // Our made-up first seed is no paper seed, so its shouted copy passes; the near-copy of the
        // paper's "What is the relation between the given pairs?" does not.
        assertThat(prompts(projectId)).containsExactly(SEEDS.getFirst().toUpperCase(), NEW.getFirst());
        assertThat(metric(done, "rejected_similar")).isEqualTo(1);
        String asked = userMessage(server.requests().getFirst());
        List<String> shown = asked.lines().filter(l -> l.matches("\\d+\\. .*")).map(l -> l.replaceFirst("^\\d+\\. ", ""))
                .toList();
        assertThat(shown).hasSize(8).allMatch(s -> seeds.stream().anyMatch(seed -> seed.startsWith(s)));
    }

    @Test
    void a_cancelled_job_stops_between_requests_with_whole_batches_stored() throws Exception {
        // The third question is held at the server until the cancel has been sent, so the cancel
        // always comes while a request is under way, and the scripted answers (which repeat after
        // the fourth request) are never used up by a test thread that is slow to send it.
        CountDownLatch cancelSent = new CountDownLatch(1);
        server.close();
        server = new ScriptedOpenAiServer().otherwise((exchange, request) -> {
            if (generationRequests.get() >= 2 && userMessage(request).startsWith("Come up with a series of tasks:")) {
                cancelSent.await(60, TimeUnit.SECONDS);
            }
            modelLike(exchange, request);
        });
        long projectId = project("cancel");
        String config = JSON.writeValueAsString(Map.of("projectId", projectId, "connectionId", connection(),
                "seedFile", seedFile().toString(), "target", 1000, "maxRequests", 1000));
        JobView job = jobs.submit(new JobRequest(JobType.SELF_INSTRUCT, config, "self-instruct-it"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (generationRequests.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        jobs.cancel(job.id()); // signals the running job before it returns
        int answeredBeforeTheCancel = generationRequests.get();
        cancelSent.countDown();
        job = AwaitJobs.finished(jobs, job.id(), Duration.ofSeconds(60));
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        List<String> stored = prompts(projectId);
        // Each answered request stored its two survivors whole; the one under way when the cancel
        // came was answered, and no other was sent.
        assertThat(stored.size() % 2).isZero();
        assertThat(stored).isEqualTo(NEW.subList(0, stored.size()));
        assertThat(answeredBeforeTheCancel).isEqualTo(2);
        assertThat(generationRequests.get()).as("generation requests answered").isBetween(2, 3);
    }

    @Test
    void bad_configs_are_refused_naming_the_field() throws Exception {
        long projectId = project("bad");
        long connectionId = connection();
        String seeds = seedFile().toString();
        refused(Map.of("projectId", projectId, "seedFile", seeds), "config.connectionId", "exactly one");
        refused(Map.of("projectId", projectId, "connectionId", connectionId, "checkpointId", 1, "seedFile", seeds),
                "config.checkpointId", "does not exist");
        refused(Map.of("projectId", projectId, "connectionId", 999_999, "seedFile", seeds), "config.connectionId",
                "does not exist");
        refused(Map.of("projectId", 999_999, "connectionId", connectionId, "seedFile", seeds), "config.projectId",
                "999999");
        refused(Map.of("projectId", projectId, "connectionId", connectionId), "config.seedFile", "no prompts");
        refused(Map.of("projectId", projectId, "connectionId", connectionId, "seedFile", "/etc/hostname"),
                "config.seedFile", "outside");
        refused(Map.of("projectId", projectId, "connectionId", connectionId, "seedFile", "missing.jsonl"),
                "config.seedFile", "No file");
        refused(Map.of("projectId", projectId, "connectionId", connectionId, "seedFile", seeds, "target", 0),
                "config.target", "between");
        refused(Map.of("projectId", projectId, "connectionId", connectionId, "seedFile", seeds, "temperature", 3),
                "config.temperature", "between");
    }

    private void refused(Map<String, Object> config, String field, String message) {
        assertThatThrownBy(() -> jobs.submit(new JobRequest(JobType.SELF_INSTRUCT, JSON.writeValueAsString(config),
                "self-instruct-it"))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field)).hasMessageContaining(message);
    }

    @Test
    void a_batch_is_stored_whole_or_not_at_all_and_repeats_are_skipped() {
        long projectId = project("store");
        List<NewInstruction> bad = List.of(new NewInstruction("A fine instruction to keep.", "ok"),
                new NewInstruction("x".repeat(40_000), null));
        assertThatThrownBy(() -> store.store(projectId, bad)).isInstanceOf(InvalidInputException.class);
        assertThat(prompts(projectId)).isEmpty();
        assertThat(store.store(projectId, List.of(new NewInstruction("One new instruction here.", null),
                new NewInstruction("One new instruction here.", null)))).isEqualTo(1);
        assertThat(store.store(projectId, List.of(new NewInstruction("One new instruction here.", "a"),
                new NewInstruction("Another new instruction here.", "b")))).isEqualTo(1);
        assertThat(prompts(projectId)).containsExactly("One new instruction here.", "Another new instruction here.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM demonstrations WHERE project_id = :p").param("p", projectId)
                .query(Long.class).single()).isEqualTo(1);
    }
}
