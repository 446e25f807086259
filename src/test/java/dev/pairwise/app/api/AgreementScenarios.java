package dev.pairwise.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.app.cli.Commands;
import dev.pairwise.labeling.account.Account;
import dev.pairwise.labeling.account.AccountRepository;
import dev.pairwise.labeling.account.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agreement end to end over real HTTP, on H2 and PostgreSQL by the subclasses: four labelers with
 * different habits label a K=3, overlap-3 project concurrently through the API; the judgments
 * export holds exactly what they submitted (and not an imported pre-judged pair), and {@code GET …/agreement} gives the same numbers,
 * overall and per labeler, as the {@code agreement} command on the exported file.
 */
abstract class AgreementScenarios {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct horse";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int PROMPTS = 6;
    private static final int OVERLAP = 3;

    @LocalServerPort
    int port;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;

    @TempDir
    Path dir;

    String admin;
    String researcher;
    List<String> labelers;

    @BeforeEach
    void accounts() {
        admin = account(Role.ADMIN);
        researcher = account(Role.RESEARCHER);
        labelers = List.of(account(Role.LABELER), account(Role.LABELER), account(Role.LABELER),
                account(Role.LABELER));
    }

    private String account(Role role) {
        String name = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.save(new Account(name, name, encoder.encode(PASSWORD), Set.of(role), Instant.now()));
        return name;
    }

    record Reply(int status, String contentType, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private Reply send(String method, String path, String user, @Nullable String body, String type) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            request.header("Content-Type", type);
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    /**
     * Labeler i's ranking of a task's responses: 0 ranks by id, strictly; 1 likewise but swaps the
     * top two on even tasks; 2 ties the last two; 3 ranks at random (seeded by the task).
     */
    static List<List<Long>> tiers(int habit, long taskId, List<Long> responses) {
        List<Long> ids = new ArrayList<>(responses);
        Collections.sort(ids);
        List<List<Long>> tiers = new ArrayList<>();
        switch (habit) {
            case 1 -> {
                if (taskId % 2 == 0) {
                    Collections.swap(ids, 0, 1);
                }
                ids.forEach(id -> tiers.add(List.of(id)));
            }
            case 2 -> {
                ids.subList(0, ids.size() - 2).forEach(id -> tiers.add(List.of(id)));
                tiers.add(List.copyOf(ids.subList(ids.size() - 2, ids.size())));
            }
            case 3 -> {
                Collections.shuffle(ids, new Random(taskId * 31 + 7));
                ids.forEach(id -> tiers.add(List.of(id)));
            }
            default -> ids.forEach(id -> tiers.add(List.of(id)));
        }
        return tiers;
    }

    /** Labels until the project has nothing left for this labeler; returns (task id → tiers) submitted. */
    private Map<Long, List<List<Long>>> label(long project, int habit) throws Exception {
        String labeler = labelers.get(habit);
        Map<Long, List<List<Long>>> done = new HashMap<>();
        for (int i = 0; i < PROMPTS + 1; i++) {
            Reply next = send("POST", "/api/projects/" + project + "/tasks/next", labeler, null, "");
            if (next.status() == 204) {
                break;
            }
            assertThat(next.status()).as(next.body()).isEqualTo(200);
            long taskId = next.json().get("taskId").asLong();
            List<Long> order = new ArrayList<>();
            next.json().get("presentedOrder").forEach(n -> order.add(n.asLong()));
            List<List<Long>> tiers = tiers(habit, taskId, order);
            Reply submitted = send("POST", "/api/tasks/" + taskId + "/judgments", labeler,
                    JSON.writeValueAsString(Map.of("idempotencyKey", "agr-" + labeler + "-" + taskId,
                            "presentedOrder", order, "tiers", tiers)), "application/json");
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
            done.put(taskId, tiers);
        }
        return done;
    }

    @Test
    void labelers_label_concurrently_and_the_api_and_the_command_line_give_the_same_agreement() throws Exception {
        Reply created = send("POST", "/api/projects", admin, JSON.writeValueAsString(Map.of(
                "name", "agreement-" + UUID.randomUUID(), "guidelines", "# Rank", "k", 3, "overlap", OVERLAP)),
                "application/json");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long project = created.json().get("id").asLong();
        StringBuilder prompts = new StringBuilder();
        for (int i = 0; i < PROMPTS; i++) {
            prompts.append(JSON.writeValueAsString(Map.of("prompt", "Question " + i + "?",
                    "responses", List.of("answer a" + i, "answer b" + i, "answer c" + i)))).append('\n');
        }
        Reply imported = send("POST", "/api/projects/" + project + "/import?format=JSONL&source=agreement-it", admin,
                prompts.toString(), "application/x-ndjson");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);

        Map<String, Map<Long, List<List<Long>>>> submitted = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(labelers.size());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int habit = 0; habit < labelers.size(); habit++) {
                int h = habit;
                runs.add(pool.submit(() -> {
                    submitted.put(labelers.get(h), label(project, h));
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(submitted.values().stream().mapToInt(Map::size).sum()).isEqualTo(PROMPTS * OVERLAP);

        // pre-judged pairs from a file have no task and no labeler: not in the judgments export
        Reply pairs = send("POST", "/api/projects/" + project + "/import?format=TRL&source=trl-it", admin,
                "{\"prompt\": \"Imported?\", \"chosen\": \"yes\", \"rejected\": \"no\"}\n", "application/x-ndjson");
        assertThat(pairs.status()).as(pairs.body()).isEqualTo(201);

        Reply export = send("GET", "/api/projects/" + project + "/export/judgments", researcher, null, "");
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        List<String> lines = export.body().strip().lines().toList();
        assertThat(lines).hasSize(PROMPTS * OVERLAP);
        Set<String> seenLabelers = new HashSet<>();
        for (String line : lines) {
            JsonNode j = JSON.readTree(line);
            assertThat(j.propertyNames()).containsExactly("task_id", "labeler", "tiers", "judgment_id", "created_at");
            List<List<Long>> tiers = new ArrayList<>();
            j.get("tiers").forEach(t -> {
                List<Long> tier = new ArrayList<>();
                t.forEach(id -> tier.add(id.asLong()));
                tiers.add(tier);
            });
            String who = j.get("labeler").asString();
            seenLabelers.add(who);
            assertThat(tiers).as(line).isEqualTo(submitted.get(who).get(j.get("task_id").asLong()));
            assertThat(Instant.parse(j.get("created_at").asString())).isBefore(Instant.now().plusSeconds(1));
        }
        Path file = dir.resolve("judgments.jsonl");
        Files.writeString(file, export.body(), StandardCharsets.UTF_8);

        Reply api = send("GET", "/api/projects/" + project + "/agreement", admin, null, "");
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Commands.run(new String[] {"agreement", "--judgments", file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode cli = JSON.readTree(out.toString(StandardCharsets.UTF_8).strip());
        JsonNode fromApi = api.json();

        // every task has three judgments of three responses: three units each
        assertThat(fromApi.get("units").asLong()).isEqualTo(PROMPTS * 3L);
        assertThat(fromApi.get("labelers").asInt()).isEqualTo(seenLabelers.size());
        for (String field : List.of("pairwise_agreement", "krippendorff_alpha", "kendall_tau_b")) {
            assertThat(fromApi.get(field).isNumber()).as(field).isTrue();
            assertThat(fromApi.get(field).asDouble()).as(field).isBetween(-1.0, 1.0);
        }
        // the same numbers, parsed from both JSON texts: equal to the last bit
        assertThat(cli).isEqualTo(fromApi);
        System.out.printf("agreement on %s: %s%n", database(), api.body());

        // the labelers table agrees with the agreement endpoint, labeler by labeler
        Reply table = send("GET", "/api/projects/" + project + "/labelers", researcher, null, "");
        assertThat(table.status()).as(table.body()).isEqualTo(200);
        assertThat(table.json().get("correction").asString()).isEqualTo("holm");
        assertThat(table.json().get("labelers")).hasSize(seenLabelers.size());
        for (JsonNode perLabeler : fromApi.get("per_labeler")) {
            JsonNode row = null;
            for (JsonNode r : table.json().get("labelers")) {
                if (r.get("labeler").equals(perLabeler.get("labeler"))) {
                    row = r;
                }
            }
            assertThat(row).as(perLabeler.toString()).isNotNull();
            assertThat(row.get("pairwise_agreement")).isEqualTo(perLabeler.get("pairwise_agreement"));
            assertThat(row.get("krippendorff_alpha")).isEqualTo(perLabeler.get("krippendorff_alpha"));
            assertThat(row.get("judgments").asInt()).isPositive();
            assertThat(row.get("position").get("trials").asLong()).isLessThanOrEqualTo(row.get("judgments").asLong());
        }
        assertThat(send("GET", "/api/projects/" + project + "/labelers", labelers.get(0), null, "").status())
                .isEqualTo(403);
        assertThat(send("GET", "/api/projects/" + project + "/agreement", labelers.get(0), null, "").status())
                .isEqualTo(403);
        assertThat(send("GET", "/api/projects/" + project + "/export/judgments", labelers.get(0), null, "").status())
                .isEqualTo(403);
        Reply missing = send("GET", "/api/projects/987654321/agreement", admin, null, "");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    /** Which database the subclass runs on, for the measurement line. */
    abstract String database();
}
