package dev.pairwise.app.api;

import static dev.pairwise.app.connections.ScriptedOpenAiServer.answer;
import static dev.pairwise.app.connections.ScriptedOpenAiServer.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.app.connections.ChatMessage;
import dev.pairwise.app.connections.Completion;
import dev.pairwise.app.connections.ConnectionClient;
import dev.pairwise.app.connections.SamplingOverrides;
import dev.pairwise.app.connections.ScriptedOpenAiServer;
import dev.pairwise.labeling.account.Account;
import dev.pairwise.labeling.account.AccountRepository;
import dev.pairwise.labeling.account.Role;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Model connections over real HTTP, on H2 and PostgreSQL by the subclasses: researchers create,
 * change, test and delete them; admins only read; labelers nothing. The API key goes in once and
 * never comes out — not in any answer, not in the log, not as plaintext in the database — while
 * the scripted server behind {@code /test} shows it is still sent.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class ConnectionsScenarios {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct horse";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String KEY = "sk-live-9f8e7d6c5b4a3210zyx";
    private static final String NEW_KEY = "sk-rotated-abcdef0123456789";

    @LocalServerPort
    int port;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConnectionClient client;

    ScriptedOpenAiServer server;
    String researcher;
    String admin;
    String labeler;
    /** Every answer body of the test, to check that no key is in any. */
    final List<String> bodies = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        server = new ScriptedOpenAiServer();
        researcher = account(Role.RESEARCHER);
        admin = account(Role.ADMIN);
        labeler = account(Role.LABELER);
    }

    @AfterEach
    void tearDown(CapturedOutput output) {
        server.close();
        for (String key : List.of(KEY, NEW_KEY)) {
            assertThat(bodies).noneMatch(b -> b.contains(key));
            assertThat(output.getAll()).as("the log").doesNotContain(key);
        }
    }

    private String account(Role role) {
        String name = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.save(new Account(name, name, encoder.encode(PASSWORD), Set.of(role), Instant.now()));
        return name;
    }

    record Reply(int status, String contentType, String body, @Nullable String location) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Reply send(String method, String path, String user, @Nullable String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        bodies.add(r.body());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                r.headers().firstValue("Location").orElse(null));
    }

    private String connection(String name, @Nullable String key) {
        return JSON.writeValueAsString(key == null
                ? java.util.Map.of("name", name, "base_url", server.baseUrl(), "model", "scripted-model",
                        "temperature", 0.5, "max_tokens", 32)
                : java.util.Map.of("name", name, "base_url", server.baseUrl(), "model", "scripted-model",
                        "temperature", 0.5, "max_tokens", 32, "api_key", key));
    }

    private long create(String name, @Nullable String key) throws Exception {
        Reply r = send("POST", "/api/connections", researcher, connection(name, key));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static JsonNode problem(Reply r, int status, @Nullable String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = JSON.readTree(r.body());
        if (field != null) {
            assertThat(p.get("field").asString()).as(r.body()).isEqualTo(field);
        }
        return p;
    }

    @Test
    void a_researcher_creates_changes_tests_and_deletes_a_connection() throws Exception {
        String name = "vllm-" + UUID.randomUUID().toString().substring(0, 6);
        Reply created = send("POST", "/api/connections", researcher, connection(name, KEY));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode c = created.json();
        long id = c.get("id").asLong();
        assertThat(created.location()).isEqualTo("/api/connections/" + id);
        assertThat(c.get("api_key_set").asBoolean()).isTrue();
        assertThat(c.has("api_key")).isFalse();
        assertThat(c.get("base_url").asString()).isEqualTo(server.baseUrl());
        assertThat(c.get("temperature").asDouble()).isEqualTo(0.5);
        assertThat(c.get("top_p").asDouble()).as("default").isEqualTo(1.0);
        assertThat(c.get("max_tokens").asInt()).isEqualTo(32);
        assertThat(c.get("max_concurrent").asInt()).isEqualTo(4);
        assertThat(c.get("requests_per_minute").asInt()).isEqualTo(60);
        assertThat(c.get("timeout_seconds").asInt()).isEqualTo(120);
        assertThat(c.get("created_by").asString()).isEqualTo(researcher);

        String stored = jdbc.queryForObject("SELECT api_key_encrypted FROM model_connections WHERE id = ?",
                String.class, id);
        assertThat(stored).startsWith("v1:").doesNotContain(KEY).doesNotContain(KEY.substring(3, 15));

        assertThat(send("GET", "/api/connections", researcher, null).json().findValuesAsString("name")).contains(name);
        assertThat(send("GET", "/api/connections/" + id, admin, null).json().get("api_key_set").asBoolean()).isTrue();

        // Test: one tiny request with the stored key; the answer, its latency and usage come back.
        server.then(answer("pong", 9, 1));
        JsonNode ok = send("POST", "/api/connections/" + id + "/test", researcher, null).json();
        assertThat(ok.get("ok").asBoolean()).as(ok.toString()).isTrue();
        assertThat(ok.get("reply").asString()).isEqualTo("pong");
        assertThat(ok.get("latency_ms").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(ok.get("prompt_tokens").asLong()).isEqualTo(9);
        assertThat(server.requests().getLast().header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(JSON.readTree(server.requests().getLast().body()).get("max_tokens").asInt()).isEqualTo(16);

        // PUT without api_key keeps the key; the new settings are used from the next call on.
        String changed = connection(name, null).replace("\"temperature\":0.5", "\"temperature\":0.1");
        Reply put = send("PUT", "/api/connections/" + id, researcher, changed);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("temperature").asDouble()).isEqualTo(0.1);
        assertThat(put.json().get("api_key_set").asBoolean()).isTrue();
        Completion answer = client.complete(id, List.of(ChatMessage.user("hi")), SamplingOverrides.NONE);
        assertThat(answer.text()).isEqualTo("pong");
        assertThat(server.requests().getLast().header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(JSON.readTree(server.requests().getLast().body()).get("temperature").asDouble()).isEqualTo(0.1);

        // A new key replaces it; "" removes it.
        send("PUT", "/api/connections/" + id, researcher, connection(name, NEW_KEY));
        client.complete(id, List.of(ChatMessage.user("hi")), SamplingOverrides.NONE);
        assertThat(server.requests().getLast().header("Authorization")).isEqualTo("Bearer " + NEW_KEY);
        Reply removed = send("PUT", "/api/connections/" + id, researcher, connection(name, ""));
        assertThat(removed.json().get("api_key_set").asBoolean()).isFalse();
        client.complete(id, List.of(ChatMessage.user("hi")), SamplingOverrides.NONE);
        assertThat(server.requests().getLast().header("Authorization")).isNull();

        // Token usage is metered per connection.
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("pairwise_connection_tokens_total{connection=\"" + name + "\",type=\"prompt\"}");

        assertThat(send("DELETE", "/api/connections/" + id, researcher, null).status()).isEqualTo(204);
        problem(send("GET", "/api/connections/" + id, researcher, null), 404, "id");
        problem(send("POST", "/api/connections/" + id + "/test", researcher, null), 404, "id");
    }

    @Test
    void admins_read_only_and_labelers_nothing() throws Exception {
        long id = create("shared-" + UUID.randomUUID().toString().substring(0, 6), KEY);

        assertThat(send("GET", "/api/connections", admin, null).status()).isEqualTo(200);
        assertThat(send("GET", "/api/connections/" + id, admin, null).status()).isEqualTo(200);
        problem(send("POST", "/api/connections", admin, connection("admin-made", null)), 403, null);
        problem(send("PUT", "/api/connections/" + id, admin, connection("renamed", null)), 403, null);
        problem(send("DELETE", "/api/connections/" + id, admin, null), 403, null);
        problem(send("POST", "/api/connections/" + id + "/test", admin, null), 403, null);

        problem(send("GET", "/api/connections", labeler, null), 403, null);
        problem(send("GET", "/api/connections/" + id, labeler, null), 403, null);
        problem(send("POST", "/api/connections", labeler, connection("labeler-made", null)), 403, null);
        problem(send("DELETE", "/api/connections/" + id, labeler, null), 403, null);
        assertThat(send("GET", "/api/connections/" + id, researcher, null).status()).as("still there").isEqualTo(200);
    }

    @Test
    void bad_input_is_refused_naming_the_field() throws Exception {
        String name = "valid-" + UUID.randomUUID().toString().substring(0, 6);
        problem(send("POST", "/api/connections", researcher, "{\"name\":\"x\",\"model\":\"m\"}"), 400, "base_url");
        problem(send("POST", "/api/connections", researcher,
                "{\"name\":\"x\",\"base_url\":\"localhost:8000\",\"model\":\"m\"}"), 400, "base_url");
        problem(send("POST", "/api/connections", researcher,
                "{\"name\":\"x\",\"base_url\":\"http://h/v1\",\"model\":\"m\",\"temperature\":3}"), 400, "temperature");
        problem(send("POST", "/api/connections", researcher,
                "{\"name\":\"x\",\"base_url\":\"http://h/v1\",\"model\":\"m\",\"max_tokens\":\"many\"}"), 400, "max_tokens");
        problem(send("POST", "/api/connections", researcher,
                "{\"name\":\"x\",\"base_url\":\"http://h/v1\",\"model\":\"m\",\"api_key\":\"two words\"}"), 400, "api_key");
        problem(send("POST", "/api/connections", researcher,
                "{\"name\":\"\",\"base_url\":\"http://h/v1\",\"model\":\"m\"}"), 400, "name");
        problem(send("POST", "/api/connections", researcher, "{not json"), 400, null);

        long id = create(name, null);
        problem(send("POST", "/api/connections", researcher, connection(name, null)), 409, "name");
        long other = create(name + "-b", null);
        problem(send("PUT", "/api/connections/" + other, researcher, connection(name, null)), 409, "name");
        problem(send("PUT", "/api/connections/999999", researcher, connection("nobody", null)), 404, "id");
        problem(send("PUT", "/api/connections/" + id, researcher,
                "{\"name\":\"" + name + "\",\"base_url\":\"http://h/v1\",\"model\":\"m\",\"top_p\":0}"), 400, "top_p");

        // The camelCase the rest of the API uses is accepted too.
        Reply camel = send("POST", "/api/connections", researcher, "{\"name\":\"" + name + "-c\",\"baseUrl\":\""
                + server.baseUrl() + "\",\"model\":\"m\",\"apiKey\":\"" + KEY + "\",\"maxTokens\":7}");
        assertThat(camel.status()).as(camel.body()).isEqualTo(201);
        assertThat(camel.json().get("api_key_set").asBoolean()).isTrue();
        assertThat(camel.json().get("max_tokens").asInt()).isEqualTo(7);
    }

    @Test
    void the_test_reports_what_went_wrong_without_retrying() throws Exception {
        long id = create("flaky-" + UUID.randomUUID().toString().substring(0, 6), KEY);
        server.then(status(500, "model crashed"));

        JsonNode failed = send("POST", "/api/connections/" + id + "/test", researcher, null).json();

        assertThat(failed.get("ok").asBoolean()).isFalse();
        assertThat(failed.get("error_kind").asString()).isEqualTo("SERVER_ERROR");
        assertThat(failed.get("error").asString()).contains("500", "model crashed");
        assertThat(server.requests()).hasSize(1);

        server.then(ScriptedOpenAiServer.unauthorizedEchoingKey());
        JsonNode refused = send("POST", "/api/connections/" + id + "/test", researcher, null).json();
        assertThat(refused.get("error_kind").asString()).isEqualTo("AUTHENTICATION");
        assertThat(refused.get("error").asString()).contains("401");

        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Reply gone = send("POST", "/api/connections", researcher, "{\"name\":\"gone-" + closedPort
                + "\",\"base_url\":\"http://127.0.0.1:" + closedPort + "/v1\",\"model\":\"m\"}");
        JsonNode unreachable = send("POST", "/api/connections/" + gone.json().get("id").asLong() + "/test",
                researcher, null).json();
        assertThat(unreachable.get("ok").asBoolean()).isFalse();
        assertThat(unreachable.get("error_kind").asString()).isEqualTo("UNREACHABLE");
        assertThat(unreachable.get("error").asString()).contains("cannot reach http://127.0.0.1:" + closedPort);
    }
}
