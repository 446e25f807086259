package dev.pairwise.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.zaxxer.hikari.HikariDataSource;
import dev.pairwise.labeling.ai.AiJudgments;
import dev.pairwise.labeling.ai.AiOutcome;
import dev.pairwise.labeling.ai.NewAiVerdict;
import dev.pairwise.labeling.ai.TaskToJudge;
import dev.pairwise.labeling.task.ShownResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded default keeps writing after the connection pool retires its connections (issue 9).
 * H2 2.4.240 bound each {@code IN (...)} CHECK constraint to the session that parsed it (for a
 * new database: Flyway's pooled connection); once Hikari retired that connection (max-lifetime,
 * 30 minutes), every insert into such a table failed with "Check constraint invalid ... The
 * database has been closed" (h2database#4302, fixed in 2.5.250). Here the app runs on an H2
 * <em>file</em> database configured as in application.properties, in demo mode; the pool retires
 * every connection that existed at start-up (the same soft eviction max-lifetime performs), the
 * test waits until H2 itself lists none of those sessions, and then writes through the REST API
 * to every table that has a CHECK constraint, read from the database so a new one is not missed.
 *
 * <p>An extra plain JDBC connection stays open throughout, so the database stays open while the
 * pool is momentarily empty, as it does in the app, whose pool is never empty. Without it H2 would
 * close the database with its last connection and re-read the constraints on the next one, in its
 * own never-closed system session, which hides the failure.
 */
@SpringBootTest(classes = PairwiseApplication.class, properties = "pairwise.demo.enabled=true")
@AutoConfigureMockMvc
@DirtiesContext
class H2ConnectionRetirementIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path DIR = newTempDir();

    @Autowired
    MockMvc mvc;
    @Autowired
    HikariDataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AiJudgments aiJudgments;

    private static Path newTempDir() {
        try {
            Path dir = Files.createTempDirectory("pairwise-h2-retire-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    FileSystemUtils.deleteRecursively(dir);
                } catch (IOException ignored) {
                    // A temp folder left behind is harmless.
                }
            }));
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** application.properties' H2 URL and data folders, moved to a fresh temp folder. */
    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DIR.resolve("pairwise")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        registry.add("pairwise.jobs.checkpoint-dir", () -> DIR.resolve("checkpoints").toString());
        registry.add("pairwise.jobs.corpus-dir", () -> DIR.resolve("corpora").toString());
    }

    @Test
    void every_table_with_a_check_constraint_takes_writes_after_every_pooled_connection_is_retired()
            throws Exception {
        assertThat(dataSource.getJdbcUrl()).startsWith("jdbc:h2:file:");
        try (Connection keeper = DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(),
                dataSource.getPassword())) {
            long keeperSession = sessionId(keeper);
            retireEveryConnectionBut(keeperSession);
            writeToEveryCheckedTable();
            assertThat(openSessions()).as("the database stayed open all along").contains(keeperSession);
        }
    }

    private void writeToEveryCheckedTable() throws Exception {

        Map<String, Long> before = rowCounts();
        long project = json(post("/api/projects"), "admin", 201,
                "{\"name\":\"retire-" + UUID.randomUUID() + "\",\"guidelines\":\"Rank.\",\"k\":2}").get("id").asLong();
        mvc.perform(withBody(post("/api/projects/" + project + "/import?format=JSONL"), "application/x-ndjson", """
                        {"prompt": "2+2?", "responses": ["4", "5"]}
                        {"prompt": "Capital of France?", "responses": ["Paris", "Lyon"]}
                        """).with(httpBasic("admin", "admin")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString())
                        .isEqualTo(201));

        JsonNode task = json(post("/api/projects/" + project + "/tasks/next"), "labeler", 200, null);
        JsonNode order = task.get("presentedOrder");
        json(post("/api/tasks/" + task.get("taskId").asLong() + "/judgments"), "labeler", 201,
                "{\"idempotencyKey\":\"" + UUID.randomUUID() + "\",\"presentedOrder\":" + order
                        + ",\"tiers\":[[" + order.get(0) + "],[" + order.get(1) + "]],\"likert\":{\""
                        + order.get(0) + "\":6}}");
        JsonNode skipped = json(post("/api/projects/" + project + "/tasks/next"), "labeler", 200, null);
        json(post("/api/tasks/" + skipped.get("taskId").asLong() + "/skip"), "labeler", 204, null);

        // A position-swapped repeat (repeat_checks): four judgments, then the fifth next repeats one.
        long repeating = json(post("/api/projects"), "admin", 201,
                "{\"name\":\"retire-repeats-" + UUID.randomUUID() + "\",\"guidelines\":\"Rank.\",\"k\":2}")
                .get("id").asLong();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            lines.append("{\"prompt\": \"Count to ").append(i).append(".\", \"responses\": [\"a\", \"b\"]}\n");
        }
        mvc.perform(withBody(post("/api/projects/" + repeating + "/import?format=JSONL"), "application/x-ndjson",
                        lines.toString()).with(httpBasic("admin", "admin")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(201));
        mvc.perform(withBody(put("/api/projects/" + repeating + "/quality-settings"), "application/json",
                        "{\"repeatRate\":1.0,\"routing\":\"UNCERTAINTY\"}").with(httpBasic("admin", "admin")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(200));
        // the routing setting through the API (V20's check on projects); no margins yet, so still oldest first
        assertThat(json(get("/api/projects/" + repeating), "admin", 200, null).get("routing").asString())
                .isEqualTo("UNCERTAINTY");
        json(put("/api/projects/" + repeating + "/quality-settings"), "admin", 400, "{\"routing\":\"RANDOM\"}");
        for (int i = 0; i < 4; i++) {
            JsonNode t = json(post("/api/projects/" + repeating + "/tasks/next"), "labeler", 200, null);
            JsonNode o = t.get("presentedOrder");
            json(post("/api/tasks/" + t.get("taskId").asLong() + "/judgments"), "labeler", 201,
                    "{\"idempotencyKey\":\"" + UUID.randomUUID() + "\",\"presentedOrder\":" + o
                            + ",\"tiers\":[[" + o.get(0) + "],[" + o.get(1) + "]]}");
        }
        json(post("/api/projects/" + repeating + "/tasks/next"), "labeler", 200, null);

        // An AI judge's verdict (ai_verdicts), an abstention as an unreadable answer gives.
        TaskToJudge judged = aiJudgments.task(skipped.get("taskId").asLong());
        aiJudgments.record(aiJudgments.judgeAccount("retire-judge"), new NewAiVerdict(judged.taskId(), null,
                judged.responses().stream().map(ShownResponse::id).toList(), "no ranking here", null, null, null, AiOutcome.ABSTAIN, null, "no ranking line"));

        JsonNode demo = json(post("/api/projects/" + project + "/demonstrations"), "admin", 201,
                "{\"instruction\":\"Name a prime.\",\"response\":\"7\",\"submit\":true}");
        json(post("/api/demonstrations/" + demo.get("id").asLong() + "/review"), "admin", 200,
                "{\"approve\":true}");

        json(post("/api/connections"), "researcher", 201, "{\"name\":\"retire-" + UUID.randomUUID()
                + "\",\"base_url\":\"http://127.0.0.1:9/v1\",\"model\":\"m\",\"temperature\":0.7}");

        // A char tokenizer on the demo corpus: queued, run, succeeded, checkpoint registered.
        long job = json(post("/api/jobs"), "researcher", 201,
                "{\"type\":\"TOKENIZER\",\"config\":{\"corpus\":\"demo-corpus.txt\",\"algorithm\":\"char\"}}")
                .get("id").asLong();
        assertThat(awaitFinished(job).get("status").asString()).isEqualTo("SUCCEEDED");

        Map<String, Long> after = rowCounts();
        List<String> unwritten = new ArrayList<>();
        before.forEach((table, count) -> {
            if (after.get(table) <= count) {
                unwritten.add(table);
            }
        });
        assertThat(unwritten).as("tables with a CHECK constraint this test wrote no row to (add a write for each)")
                .isEmpty();
    }

    /**
     * Soft-evicts the whole pool (idle connections close now, busy ones when returned), as
     * max-lifetime does one by one, then waits until H2 lists none of the sessions that were open
     * before, the keeper's aside: Flyway's and the demo seeding's included.
     */
    private void retireEveryConnectionBut(long keeperSession) throws InterruptedException {
        Set<Long> old = openSessions();
        old.remove(keeperSession);
        assertThat(old).isNotEmpty();
        dataSource.getHikariPoolMXBean().softEvictConnections();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Set<Long> survivors = new HashSet<>(old);
        while (System.nanoTime() < deadline) {
            survivors.retainAll(openSessions());
            if (survivors.isEmpty()) {
                return;
            }
            dataSource.getHikariPoolMXBean().softEvictConnections();
            Thread.sleep(100);
        }
        assertThat(survivors).as("H2 sessions still open after the pool was evicted").isEmpty();
    }

    private static long sessionId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT SESSION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Set<Long> openSessions() {
        return new HashSet<>(jdbc.sql("SELECT session_id FROM information_schema.sessions").query(Long.class).list());
    }

    /** Rows per table that has a CHECK constraint, as the database itself reports the constraints. */
    private Map<String, Long> rowCounts() {
        Set<String> tables = new TreeSet<>(jdbc.sql("SELECT DISTINCT table_name FROM information_schema.table_constraints "
                + "WHERE constraint_type = 'CHECK' AND table_schema = 'public'").query(String.class).list());
        assertThat(tables).contains("training_jobs", "assignments", "responses");
        Map<String, Long> counts = new HashMap<>();
        for (String table : tables) {
            counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    private JsonNode awaitFinished(long job) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode view = json(get("/api/jobs/" + job), "researcher", 200, null);
            String status = view.get("status").asString();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return view;
            }
            assertThat(System.nanoTime()).as("job %d still %s", job, status).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static MockHttpServletRequestBuilder withBody(MockHttpServletRequestBuilder request, String type,
                                                          String body) {
        return request.contentType(type).content(body);
    }

    /** Sends as the demo account (password = name) and checks the status, showing the body when it differs. */
    private JsonNode json(MockHttpServletRequestBuilder request, String user, int status, String body) throws Exception {
        if (body != null) {
            withBody(request, MediaType.APPLICATION_JSON_VALUE, body);
        }
        var response = mvc.perform(request.with(httpBasic(user, user))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        String text = response.getContentAsString();
        return text.isEmpty() ? null : JSON.readTree(text);
    }
}
