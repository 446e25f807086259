package dev.pairwise.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pairwise.app.leaderboard.ArenaReference;
import dev.pairwise.app.leaderboard.SimulatedVotes;
import dev.pairwise.labeling.account.Account;
import dev.pairwise.labeling.account.AccountRepository;
import dev.pairwise.labeling.account.Role;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Arena leaderboard end to end over real HTTP, on H2 and PostgreSQL by the subclasses: a
 * generated file of 7,000 battle votes among six systems of known strength (seeded) is imported
 * into a new project through the API in under 10 s, and {@code GET …/leaderboard} agrees with an
 * independent fit of Chatbot Arena's method ({@link ArenaReference}) within 1 Elo, for both tie
 * rules; bad files and bad requests are answered as problem details and store nothing.
 */
abstract class ArenaLeaderboardScenarios {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct horse";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static final int VOTES = 7000;
    static final String[] SYSTEMS = {"alpaca-13b", "bard", "claude-2", "dolly-v2", "eliza", "falcon-7b"};
    static final double[] TRUE_ELO = {1180, 1090, 1030, 980, 920, 800};

    @LocalServerPort
    int port;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    String admin;
    String researcher;
    String labeler;

    @BeforeEach
    void accounts() {
        admin = account(Role.ADMIN);
        researcher = account(Role.RESEARCHER);
        labeler = account(Role.LABELER);
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

    private Reply send(String method, String path, @Nullable String user, @Nullable String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/x-ndjson");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The votes as a BATTLES file: texts of Arena-like length, a labeler name on most lines. */
    static String file(List<ArenaReference.Vote> votes, long seed) {
        Random random = new Random(seed);
        String[] words = {"the", "model", "answer", "because", "first", "then", "résumé", "data", "λ", "proof",
                "recipe", "Paris", "code", "loop", "well", "however", "例えば", "number", "step", "finally"};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < votes.size(); i++) {
            ArenaReference.Vote v = votes.get(i);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("prompt", "Q" + i + ": " + sentence(random, words, 25));
            line.put("model_a", v.modelA());
            line.put("model_b", v.modelB());
            line.put("answer_a", sentence(random, words, 120) + "\n\n```\n" + sentence(random, words, 10) + "\n```");
            line.put("answer_b", sentence(random, words, 120));
            line.put("winner", v.winner());
            if (i % 10 != 0) {
                line.put("labeler", "voter-" + random.nextInt(300));
            }
            out.append(JSON.writeValueAsString(line)).append('\n');
        }
        return out.toString();
    }

    private static String sentence(Random random, String[] words, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
        }
        return s.toString();
    }

    /** Which database the subclass runs on, for the measurement line. */
    abstract String database();

    @Test
    void seven_thousand_votes_import_in_under_10_s_and_the_leaderboard_matches_arenas_method_within_1_elo()
            throws Exception {
        List<ArenaReference.Vote> votes = SimulatedVotes.draw(SYSTEMS, TRUE_ELO, VOTES, 0.3, 2024);
        String file = file(votes, 2024);
        String name = "arena-" + UUID.randomUUID();

        long start = System.nanoTime();
        Reply imported = send("POST", "/api/projects/import?format=BATTLES&name=" + q(name) + "&source=arena.jsonl",
                admin, file);
        double importSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode made = imported.json();
        long project = made.get("project").get("id").asLong();
        assertThat(made.get("project").get("k").asInt()).isEqualTo(2);
        assertThat(made.get("imported").get("judgments").asInt()).isEqualTo(VOTES);
        assertThat(made.get("imported").get("responses").asInt()).isEqualTo(2 * VOTES);
        long decisive = votes.stream().filter(v -> v.winner().equals("a") || v.winner().equals("b")).count();
        assertThat(made.get("imported").get("pairs").asLong()).isEqualTo(decisive);
        assertThat(importSeconds).as("import of %d votes, seconds", VOTES).isLessThan(10.0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM judgments WHERE project_id = ? AND external_labeler IS NOT NULL")
                .param(project).query(Long.class).single()).isEqualTo(VOTES - VOTES / 10);

        double largest = 0;
        for (String ties : new String[] {"arena", "half"}) {
            Map<String, Double> reference = ties.equals("arena") ? ArenaReference.arena(votes) : ArenaReference.half(votes);
            long fitStart = System.nanoTime();
            Reply board = send("GET", "/api/projects/" + project + "/leaderboard"
                    + (ties.equals("arena") ? "" : "?ties=half"), researcher, null);
            double fitSeconds = (System.nanoTime() - fitStart) / 1e9;
            assertThat(board.status()).as(board.body()).isEqualTo(200);
            JsonNode json = board.json();
            assertThat(json.get("ties").asString()).isEqualTo(ties);
            assertThat(json.get("battles").asInt()).isEqualTo(VOTES);
            List<String> order = new ArrayList<>();
            Map<String, int[]> counts = battlesAndScores(votes);
            for (JsonNode s : json.get("systems")) {
                String system = s.get("name").asString();
                order.add(system);
                double rating = s.get("rating").asDouble();
                double gap = Math.abs(rating - reference.get(system));
                largest = Math.max(largest, gap);
                assertThat(gap).as("%s (ties=%s): %.4f against the reference %.4f", system, ties, rating,
                        reference.get(system)).isLessThan(1.0);
                assertThat(s.get("ci_low").asDouble()).isLessThan(rating);
                assertThat(s.get("ci_high").asDouble()).isGreaterThan(rating);
                assertThat(s.get("ci_high").asDouble() - s.get("ci_low").asDouble()).as("interval of " + system)
                        .isBetween(10.0, 80.0);
                assertThat(s.get("battles").asInt()).isEqualTo(counts.get(system)[0]);
                assertThat(s.get("win_rate").asDouble()).isCloseTo(counts.get(system)[1] / 2.0 / counts.get(system)[0],
                        within(1e-12));
            }
            assertThat(order).as("best first, as the true strengths").containsExactly(SYSTEMS);
            System.out.printf("ARENA-IT %s: import of %d votes (%.1f MB) %.2f s; leaderboard ties=%s %.2f s%n",
                    database(), VOTES, file.getBytes(StandardCharsets.UTF_8).length / 1e6, importSeconds, ties,
                    fitSeconds);
        }
        System.out.printf("ARENA-IT %s: largest |rating - reference| %.6f Elo%n", database(), largest);
    }

    /** Per system: battles, and twice its score (a win 2, a tie 1), so the counts stay integers. */
    private static Map<String, int[]> battlesAndScores(List<ArenaReference.Vote> votes) {
        Map<String, int[]> counts = new HashMap<>();
        for (ArenaReference.Vote v : votes) {
            int[] a = counts.computeIfAbsent(v.modelA(), k -> new int[2]);
            int[] b = counts.computeIfAbsent(v.modelB(), k -> new int[2]);
            a[0]++;
            b[0]++;
            switch (v.winner()) {
                case "a" -> a[1] += 2;
                case "b" -> b[1] += 2;
                default -> {
                    a[1]++;
                    b[1]++;
                }
            }
        }
        return counts;
    }

    @Test
    void a_file_with_bad_lines_is_answered_with_the_lines_as_a_problem_and_leaves_no_project() throws Exception {
        String name = "arena-" + UUID.randomUUID();
        Reply r = send("POST", "/api/projects/import?format=BATTLES&name=" + q(name), admin, """
                {"prompt": "P", "model_a": "x", "model_b": "y", "answer_a": "a", "answer_b": "b", "winner": "a"}
                {"prompt": "P", "model_a": "x", "model_b": "y", "answer_a": "a", "answer_b": "b", "winner": "draw"}
                {"prompt": "P", "model_a": "x", "answer_a": "a", "answer_b": "b", "winner": "a"}
                {"prompt": "P", "model_a": "x", "model_b": "x", "answer_a": "a", "answer_b": "b", "winner": "tie"}
                """);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode problem = r.json();
        assertThat(problem.get("title").asString()).isEqualTo("Import rejected");
        assertThat(problem.get("errorCount").asInt()).isEqualTo(3);
        assertThat(problem.get("errors").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(problem.get("errors").get(0).get("reason").asString()).contains("'winner' must be");
        assertThat(problem.get("errors").get(1).get("line").asInt()).isEqualTo(3);
        assertThat(problem.get("errors").get(1).get("reason").asString()).isEqualTo("'model_b' is missing");
        assertThat(problem.get("errors").get(2).get("line").asInt()).isEqualTo(4);
        assertThat(send("GET", "/api/projects", admin, null).body()).doesNotContain(name);

        // Into an existing project: the same refusal, and no battle on its board.
        long project = send("POST", "/api/projects/import?format=BATTLES&name=" + q(name), admin, """
                {"prompt": "P", "model_a": "x", "model_b": "y", "answer_a": "a", "answer_b": "b", "winner": "a"}
                """).json().get("project").get("id").asLong();
        Reply again = send("POST", "/api/projects/" + project + "/import?format=BATTLES", admin, """
                {"prompt": "P", "model_a": "x", "model_b": "y", "answer_a": "a", "answer_b": "b", "winner": "b"}
                {"prompt": "P", "model_a": "x", "model_b": "y", "answer_a": "a", "answer_b": "b", "winner": "b"
                """);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("errors").get(0).get("line").asInt()).isEqualTo(2);
        JsonNode board = send("GET", "/api/projects/" + project + "/leaderboard", admin, null).json();
        assertThat(board.get("battles").asInt()).isEqualTo(1);
        assertThat(board.get("systems").get(0).get("name").asString()).isEqualTo("x");

        Reply more = send("POST", "/api/projects/" + project + "/import?format=BATTLES&source=more", admin, """
                {"prompt": "P2", "model_a": "y", "model_b": "z", "answer_a": "a", "answer_b": "b", "winner": "both_bad", "labeler": "kim"}
                """);
        assertThat(more.status()).as(more.body()).isEqualTo(201);
        assertThat(send("GET", "/api/projects/" + project + "/leaderboard", researcher, null).json()
                .get("systems")).hasSize(3);
    }

    @Test
    void bad_requests_get_problem_details_naming_the_field() throws Exception {
        String name = "arena-" + UUID.randomUUID();
        String one = """
                {"prompt": "P", "model_a": "x", "model_b": "y", "answer_a": "a", "answer_b": "b", "winner": "a"}
                """;
        long project = send("POST", "/api/projects/import?format=BATTLES&name=" + q(name), admin, one).json()
                .get("project").get("id").asLong();

        assertProblem(send("POST", "/api/projects/import?format=BATTLES&name=" + q(name), admin, one), 409, "name");
        assertProblem(send("POST", "/api/projects/import?format=BATTLES", admin, one), 400, "name");
        assertProblem(send("POST", "/api/projects/import?format=BATTLES&name=%20", admin, one), 400, "name");
        assertProblem(send("POST", "/api/projects/import?format=TRL&name=" + q("x" + name), admin, one), 400, "format");
        assertProblem(send("POST", "/api/projects/import?format=VOTES&name=" + q("x" + name), admin, one), 400, "format");
        assertProblem(send("POST", "/api/projects/import?format=BATTLES&name=" + q("y" + name), admin, ""), 400, "file");
        assertProblem(send("GET", "/api/projects/" + project + "/leaderboard?ties=draw", researcher, null), 400, "ties");
        assertProblem(send("GET", "/api/projects/999999999/leaderboard", researcher, null), 404, "projectId");

        assertThat(send("GET", "/api/projects/" + project + "/leaderboard", null, null).status()).isEqualTo(401);
        assertThat(send("GET", "/api/projects/" + project + "/leaderboard", labeler, null).status()).isEqualTo(403);
        assertThat(send("POST", "/api/projects/import?format=BATTLES&name=" + q("z" + name), researcher, one).status())
                .isEqualTo(403);
        assertThat(send("GET", "/api/projects/" + project + "/leaderboard?ties=HALF", admin, null).json()
                .get("ties").asString()).isEqualTo("half");
    }

    private static void assertProblem(Reply r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("field").asString()).as(r.body()).isEqualTo(field);
        assertThat(r.json().get("detail").asString()).isNotBlank();
    }
}
