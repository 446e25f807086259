package dev.pairwise.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.labeling.PostgresAvailable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Two app instances on one PostgreSQL database and one shared data folder, as two replicas behind
 * a load balancer would run: instance A is a separate JVM (so that it can be killed with SIGKILL),
 * instance B runs in the test's JVM. Over their real HTTP APIs the test proves that a queued job
 * is run by exactly one instance, once; that a cancel reaches the job whichever instance runs it;
 * that the job of a killed instance is taken over by the other once its lease runs out and
 * resumed from its checkpoint; and that eight labelers split across both instances label a
 * project to completion with nothing lost or doubled. Leases are short here (heartbeat 0.5 s,
 * lease 4 s) so that the takeover takes seconds.
 */
@ExtendWith(PostgresAvailable.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final String PASSWORD = "two instances";
    private static final int LABELERS = 8;
    private static final int PROMPTS = 30;
    private static final int OVERLAP = 2;
    private static final int K = 3;
    private static final Duration LEASE = Duration.ofSeconds(4);
    private static final Path LOGS = Path.of("target", "two-instances-it");
    /**
     * A schema of its own in the test database: an app context another test left running in this
     * JVM on the same database (Spring caches test contexts) is an instance too, and would take
     * jobs from these two.
     */
    private static final String SCHEMA = "two_instances";
    private static final String URL = PostgresAvailable.URL + (PostgresAvailable.URL.contains("?") ? "&" : "?")
            + "currentSchema=" + SCHEMA;

    private static Path data;
    private static Process processA;
    private static ConfigurableApplicationContext contextB;
    private static AppInstance a;
    private static AppInstance b;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() throws Exception {
        Flyway flyway = Flyway.configure().dataSource(URL, PostgresAvailable.USER, PostgresAvailable.PASSWORD)
                .schemas(SCHEMA).locations("classpath:db/migration").cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        accounts(); // before the start: a database with accounts creates no first-start admin
        data = Files.createTempDirectory("pairwise-two-instances");
        Files.createDirectories(data.resolve("corpora"));
        Files.writeString(data.resolve("corpora").resolve("tiny.txt"), corpus());
        Files.createDirectories(LOGS);

        int portA = freePort();
        int portB = freePort();
        a = new AppInstance("instance-a", portA, PASSWORD);
        b = new AppInstance("instance-b", portB, PASSWORD);
        processA = launch(settings("instance-a", portA), LOGS.resolve("instance-a.log"));
        Process child = processA;
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroyForcibly)); // even if this JVM is stopped
        contextB = new SpringApplicationBuilder(PairwiseApplication.class)
                .run(settings("instance-b", portB).toArray(String[]::new));
        awaitHealthy(a, processA, LOGS.resolve("instance-a.log"));
        awaitHealthy(b, null, null);
    }

    @AfterAll
    static void stopBoth() throws Exception {
        if (processA != null && processA.isAlive()) {
            processA.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (contextB != null) {
            contextB.close();
        }
        if (data != null) {
            try (Stream<Path> paths = Files.walk(data)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The same settings for both instances but for the name and the port: one database, one data folder. */
    private static List<String> settings(String name, int port) {
        return List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + URL,
                "--spring.datasource.username=" + PostgresAvailable.USER,
                "--spring.datasource.password=" + PostgresAvailable.PASSWORD,
                "--spring.flyway.clean-disabled=true",
                "--pairwise.demo.enabled=false",
                "--pairwise.instance-id=" + name,
                "--pairwise.jobs.checkpoint-dir=" + data.resolve("checkpoints"),
                "--pairwise.jobs.corpus-dir=" + data.resolve("corpora"),
                "--pairwise.jobs.heartbeat-interval=500ms",
                "--pairwise.jobs.lease-duration=" + LEASE.toMillis() + "ms",
                "--pairwise.jobs.poll-interval=250ms",
                "--spring.main.banner-mode=off");
    }

    /** Instance A: the app's main class in a JVM of its own, on this test's classpath and native flags. */
    private static Process launch(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("--enable-native-access") || arg.startsWith("-Dai.djl."))
                .forEach(command::add);
        command.addAll(List.of("-Xmx1g", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                PairwiseApplication.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitHealthy(AppInstance instance, @Nullable Process process, @Nullable Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new AssertionError(instance.name() + " exited with " + process.exitValue() + ":\n" + tail(log));
            }
            if (instance.healthy()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(instance.name() + " did not answer /actuator/health" + (log == null ? "" : ":\n" + tail(log)));
    }

    private static String tail(@Nullable Path log) throws IOException {
        if (log == null) {
            return "";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** An admin, a researcher and the labelers; bcrypt at cost 4 keeps HTTP basic cheap in a test. */
    private static void accounts() throws SQLException {
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        try (Connection c = db(); PreparedStatement insert = c.prepareStatement("INSERT INTO accounts "
                + "(username, display_name, password_hash, roles, enabled, created_at) VALUES (?, ?, ?, ?, TRUE, ?)")) {
            List<String[]> people = new ArrayList<>(List.of(new String[] {"admin", "ADMIN"},
                    new String[] {"researcher", "RESEARCHER"}));
            for (int i = 1; i <= LABELERS; i++) {
                people.add(new String[] {"labeler-" + i, "LABELER"});
            }
            for (String[] p : people) {
                insert.setString(1, p[0]);
                insert.setString(2, p[0]);
                insert.setString(3, hash);
                insert.setString(4, p[1]);
                insert.setTimestamp(5, Timestamp.from(Instant.now()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(URL, PostgresAvailable.USER, PostgresAvailable.PASSWORD);
    }

    private static long count(String sql, Object... params) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Sentences varied enough for BPE merges and long enough for the tiny model's 128-token windows. */
    private static String corpus() {
        String[] who = {"the labeler", "a researcher", "the reward model", "our policy", "an admin"};
        String[] does = {"ranks", "reads", "compares", "prefers", "writes"};
        String[] what = {"two answers", "a short reply", "the better response", "the prompt", "a summary"};
        return IntStream.range(0, 500).mapToObj(i -> who[i % 5] + " " + does[(i / 5) % 5] + " " + what[(i / 25 + i) % 5]
                + (i % 4 == 0 ? ".\n" : ", and ")).collect(Collectors.joining());
    }

    // ---- jobs ----

    private static JsonNode submit(AppInstance via, String type, String config) throws Exception {
        return via.send("POST", "/api/jobs", "researcher", "{\"type\":\"" + type + "\",\"config\":" + config + "}", 201);
    }

    private static JsonNode job(long id) throws Exception {
        return b.send("GET", "/api/jobs/" + id, "researcher", null, 200);
    }

    private static JsonNode awaitJob(long id, Predicate<JsonNode> condition, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode j = job(id);
        while (System.nanoTime() < deadline) {
            j = job(id);
            if (condition.test(j)) {
                return j;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " never got there: " + j);
    }

    private static boolean isFinal(JsonNode job) {
        return Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.get("status").asString());
    }

    private static List<JsonNode> checkpointsOf(long jobId) throws Exception {
        List<JsonNode> made = new ArrayList<>();
        for (JsonNode c : b.send("GET", "/api/checkpoints", "researcher", null, 200)) {
            if (!c.get("jobId").isNull() && c.get("jobId").asLong() == jobId) {
                made.add(c);
            }
        }
        return made;
    }

    private static long tokenizerId;

    @Test
    @Order(1)
    void each_queued_job_is_run_by_exactly_one_instance_once() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            AppInstance via = i % 2 == 0 ? a : b;
            ids.add(submit(via, "TOKENIZER", "{\"corpus\": \"tiny.txt\", \"vocabSize\": " + (280 + i) + "}").get("id").asLong());
        }
        for (long id : ids) {
            JsonNode done = awaitJob(id, TwoInstancesIT::isFinal, Duration.ofSeconds(60));
            assertThat(done.get("status").asString()).as("%s", done).isEqualTo("SUCCEEDED");
            assertThat(done.get("attempts").asInt()).as("claimed once").isEqualTo(1);
            assertThat(done.get("claimedBy").asString()).isIn("instance-a", "instance-b");
            assertThat(checkpointsOf(id)).as("one tokenizer registered by job %d", id).hasSize(1);
            // Both instances answer the same about the job: it lives in the database.
            assertThat(a.send("GET", "/api/jobs/" + id, "researcher", null, 200)).isEqualTo(done);
        }
        List<String> ranOn = new ArrayList<>();
        for (long id : ids) {
            ranOn.add(id + "@" + job(id).get("claimedBy").asString());
        }
        System.out.println("tokenizer jobs ran on: " + ranOn);
        tokenizerId = checkpointsOf(ids.getFirst()).getFirst().get("id").asLong();
    }

    @Test
    @Order(2)
    void a_cancel_sent_to_either_instance_stops_the_job_where_it_runs() throws Exception {
        long id = submit(a, "PRETRAIN", pretrain(100_000, 2)).get("id").asLong();
        JsonNode running = awaitJob(id, j -> j.get("status").asString().equals("RUNNING") && j.get("step").asLong() >= 2,
                Duration.ofSeconds(60));
        AppInstance other = running.get("claimedBy").asString().equals("instance-a") ? b : a;
        other.send("POST", "/api/jobs/" + id + "/cancel", "researcher", "", 200);
        JsonNode cancelled = awaitJob(id, TwoInstancesIT::isFinal, Duration.ofSeconds(30));
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("step").asLong()).isLessThan(100_000);
    }

    private static String pretrain(int steps, int batchSize) {
        return """
                {"corpus": "tiny.txt", "tokenizerCheckpoint": %d, "steps": %d, "batchSize": %d, "warmupSteps": 1,
                 "evalEvery": 0, "checkpointEvery": 10}""".formatted(tokenizerId, steps, batchSize);
    }

    @Test
    @Order(3)
    void labelers_split_across_both_instances_label_a_project_to_completion_with_nothing_lost_or_doubled()
            throws Exception {
        long project = a.send("POST", "/api/projects", "admin", "{\"name\":\"two instances\",\"guidelines\":\"Rank.\","
                + "\"k\":" + K + ",\"overlap\":" + OVERLAP + "}", 201).get("id").asLong();
        String prompts = IntStream.range(0, PROMPTS).mapToObj(i -> "{\"prompt\":\"Question " + i
                + "?\",\"responses\":[\"first " + i + "\",\"second " + i + "\",\"third " + i + "\"]}")
                .collect(Collectors.joining("\n"));
        assertThat(b.sendNdjson("/api/projects/" + project + "/import?format=JSONL", "admin", prompts)
                .get("tasks").asInt()).isEqualTo(PROMPTS);

        Map<String, Set<Long>> tasksByLabeler = new ConcurrentHashMap<>();
        List<Long> acked = new CopyOnWriteArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(LABELERS * 2);
        Instant started = Instant.now();
        try {
            List<Future<?>> labelers = new ArrayList<>();
            for (int i = 1; i <= LABELERS; i++) {
                String user = "labeler-" + i;
                labelers.add(pool.submit(() -> {
                    label(user, project, pool, tasksByLabeler, acked, problems);
                    return null;
                }));
            }
            for (Future<?> f : labelers) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(problems).isEmpty();
        System.out.printf("%d labelers over two instances: %d judgments in %d ms%n", LABELERS, acked.size(),
                Duration.between(started, Instant.now()).toMillis());

        long wanted = (long) PROMPTS * OVERLAP;
        assertThat(acked).as("judgments acknowledged").hasSize((int) wanted).doesNotHaveDuplicates();
        assertThat(count("SELECT count(*) FROM judgments WHERE project_id = ?", project)).isEqualTo(wanted);
        assertThat(count("SELECT count(*) FROM (SELECT task_id FROM judgments WHERE project_id = ? GROUP BY task_id "
                + "HAVING count(*) <> ?) t", project, OVERLAP)).as("tasks without exactly %d judgments", OVERLAP).isZero();
        assertThat(count("SELECT count(*) FROM (SELECT task_id, labeler_id FROM judgments WHERE project_id = ? "
                + "GROUP BY task_id, labeler_id HAVING count(*) > 1) t", project)).as("a labeler judged a task twice").isZero();
        long pairs = wanted * K * (K - 1) / 2;
        assertThat(count("SELECT count(*) FROM preference_pairs WHERE project_id = ?", project)).isEqualTo(pairs);

        String exportA = a.text("/api/projects/" + project + "/export/pairs?format=TRL", "researcher");
        String exportB = b.text("/api/projects/" + project + "/export/pairs?format=TRL", "admin");
        assertThat(exportA.strip().split("\n")).hasSize((int) pairs);
        assertThat(exportB).isEqualTo(exportA);
        for (AppInstance via : List.of(a, b)) {
            JsonNode progress = via.send("GET", "/api/projects/" + project + "/progress", "admin", null, 200);
            assertThat(progress.get("judgments").asLong()).isEqualTo(wanted);
            assertThat(progress.get("tasksDone").asLong()).isEqualTo(PROMPTS);
        }
    }

    /**
     * One labeler: asks a random instance for the next task and submits the judgment to the other
     * one; every third judgment goes to both at once with the same idempotency key. Stops when both
     * instances say there is nothing left.
     */
    private static void label(String user, long project, ExecutorService pool, Map<String, Set<Long>> tasksByLabeler,
                              List<Long> acked, List<String> problems) throws Exception {
        Set<Long> mine = tasksByLabeler.computeIfAbsent(user, k -> ConcurrentHashMap.newKeySet());
        int emptyInARow = 0;
        int n = 0;
        while (emptyInARow < 2 && n < PROMPTS + 5) {
            AppInstance first = ThreadLocalRandom.current().nextBoolean() ? a : b;
            AppInstance asked = emptyInARow == 0 ? first : (first == a ? b : a);
            AppInstance.Reply next = asked.call("POST", "/api/projects/" + project + "/tasks/next", user, "");
            if (next.status() == 204) {
                emptyInARow++;
                continue;
            }
            if (next.status() != 200) {
                problems.add(user + ": tasks/next answered " + next.status() + " " + next.body());
                return;
            }
            emptyInARow = 0;
            n++;
            JsonNode task = AppInstance.JSON.readTree(next.body());
            long taskId = task.get("taskId").asLong();
            // Every task handed out is judged below, so one handed out again would be judged twice.
            if (!mine.add(taskId)) {
                problems.add(user + " got task " + taskId + " a second time");
                return;
            }
            JsonNode order = task.get("presentedOrder");
            String tiers = "[" + IntStream.range(0, order.size()).mapToObj(i -> "[" + order.get(i) + "]")
                    .collect(Collectors.joining(",")) + "]";
            String body = "{\"idempotencyKey\":\"" + user + "-" + taskId + "\",\"presentedOrder\":" + order
                    + ",\"tiers\":" + tiers + "}";
            String path = "/api/tasks/" + taskId + "/judgments";
            AppInstance other = asked == a ? b : a;
            if (n % 3 == 0) {
                Future<AppInstance.Reply> viaA = pool.submit(() -> a.call("POST", path, user, body));
                Future<AppInstance.Reply> viaB = pool.submit(() -> b.call("POST", path, user, body));
                AppInstance.Reply ra = viaA.get(30, TimeUnit.SECONDS);
                AppInstance.Reply rb = viaB.get(30, TimeUnit.SECONDS);
                List<Integer> statuses = Stream.of(ra.status(), rb.status()).sorted().toList();
                if (!statuses.equals(List.of(200, 201))) {
                    problems.add(user + ": the same key sent to both instances answered " + ra + " and " + rb);
                    return;
                }
                long ida = AppInstance.JSON.readTree(ra.body()).get("judgmentId").asLong();
                long idb = AppInstance.JSON.readTree(rb.body()).get("judgmentId").asLong();
                if (ida != idb) {
                    problems.add(user + ": one key stored judgments " + ida + " and " + idb);
                    return;
                }
                acked.add(ida);
            } else {
                AppInstance.Reply r = other.call("POST", path, user, body);
                if (r.status() != 201) {
                    problems.add(user + ": submit answered " + r);
                    return;
                }
                acked.add(AppInstance.JSON.readTree(r.body()).get("judgmentId").asLong());
            }
        }
    }

    @Test
    @Order(4)
    void the_job_of_a_killed_instance_is_taken_over_after_its_lease_and_resumed_from_its_checkpoint()
            throws Exception {
        // B is kept busy, so the next job can only go to A (the instance that can be killed).
        long blocker = busy(b);
        long victim = submit(a, "PRETRAIN", pretrain(40, 4)).get("id").asLong();
        JsonNode onA = awaitJob(victim, j -> j.get("status").asString().equals("RUNNING")
                && !j.get("checkpointPath").isNull() && j.get("step").asLong() >= 12, Duration.ofSeconds(60));
        assertThat(onA.get("claimedBy").asString()).isEqualTo("instance-a");

        processA.destroyForcibly(); // SIGKILL: no shutdown hook, no lease release
        assertThat(processA.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Instant killed = Instant.now();
        JsonNode orphaned = job(victim);
        assertThat(orphaned.get("status").asString()).as("still held by A's last lease").isEqualTo("RUNNING");
        Instant leaseEnd = Instant.parse(orphaned.get("leaseExpiresAt").asString());

        // B (busy) re-queues the job once A's lease has run out, and not before.
        JsonNode requeued = awaitJob(victim, j -> j.get("status").asString().equals("QUEUED"), Duration.ofSeconds(30));
        assertThat(Instant.now()).isAfterOrEqualTo(leaseEnd);
        assertThat(requeued.get("attempts").asInt()).isEqualTo(1);
        assertThat(requeued.get("error").isNull()).isTrue();
        System.out.printf("job %d: re-queued %d ms after instance A was killed (lease %s)%n", victim,
                Duration.between(killed, Instant.now()).toMillis(), LEASE);

        b.send("POST", "/api/jobs/" + blocker + "/cancel", "researcher", "", 200);
        JsonNode done = awaitJob(victim, TwoInstancesIT::isFinal, Duration.ofSeconds(90));
        assertThat(done.get("status").asString()).as("%s", done).isEqualTo("SUCCEEDED");
        assertThat(done.get("claimedBy").asString()).isEqualTo("instance-b");
        assertThat(done.get("attempts").asInt()).isEqualTo(2);
        assertThat(done.get("step").asLong()).isEqualTo(40);
        String log = done.get("logTail").asString();
        long resumedAt = Long.parseLong(log.replaceAll("(?s).*from step (\\d+).*", "$1"));
        assertThat(resumedAt).as("resumed from a saved resume point, not from scratch:\n%s", log)
                .isBetween(10L, 30L).matches(s -> s % 10 == 0, "a multiple of checkpointEvery");
        assertThat(log).contains("from step 0"); // A's start, kept in the log tail
        assertThat(checkpointsOf(victim)).as("one base model registered").hasSize(1);
        assertThat(job(blocker).get("status").asString()).isEqualTo("CANCELLED");
    }

    /** A long job running on {@code on}; one that lands on the other instance is cancelled and tried again. */
    private static long busy(AppInstance on) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            long id = submit(on, "PRETRAIN", pretrain(100_000, 2)).get("id").asLong();
            JsonNode j = awaitJob(id, v -> v.get("status").asString().equals("RUNNING"), Duration.ofSeconds(60));
            if (j.get("claimedBy").asString().equals(on.name())) {
                return id;
            }
            on.send("POST", "/api/jobs/" + id + "/cancel", "researcher", "", 200);
            awaitJob(id, TwoInstancesIT::isFinal, Duration.ofSeconds(30));
        }
        throw new AssertionError("the other instance claimed each of five jobs submitted to " + on.name());
    }
}
