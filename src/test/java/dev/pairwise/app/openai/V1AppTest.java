package dev.pairwise.app.openai;

import dev.pairwise.app.PairwiseApplication;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.app.registry.NewCheckpoint;
import dev.pairwise.app.security.ApiTokenService;
import dev.pairwise.labeling.account.Account;
import dev.pairwise.labeling.account.AccountRepository;
import dev.pairwise.labeling.account.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole app on a random port (H2 in memory) serving the two tiny SFT checkpoints of
 * {@link TinyChatCheckpoints}, registered in its model registry, to real HTTP clients with real
 * API tokens. One generator and one waiting place ({@code max-concurrent=1},
 * {@code max-queued=1}) so that a burst meets a full queue, one loaded model at a time so that
 * switching models evicts, and a 64 KB body limit. Subclasses share this one app.
 */
@SpringBootTest(classes = PairwiseApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:v1it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "pairwise.demo.enabled=false",
                "pairwise.jobs.checkpoint-dir=${java.io.tmpdir}/pairwise-v1-it",
                "pairwise.v1.max-concurrent=1",
                "pairwise.v1.max-queued=1",
                "pairwise.v1.max-loaded-models=1",
                "pairwise.api.max-json-bytes=64KB"})
abstract class V1AppTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String FIVE = "tiny-sft-5";
    static final String TEN = "tiny-sft-10";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;
    @Autowired
    ModelRegistry registry;
    @Autowired
    AccountRepository accounts;
    @Autowired
    ApiTokenService tokens;

    String researcher;
    String admin;
    String labeler;

    @BeforeEach
    void checkpointsAndTokens() {
        register(FIVE, CheckpointKind.SFT, TinyChatCheckpoints.fiveSteps());
        register(TEN, CheckpointKind.SFT, TinyChatCheckpoints.tenSteps());
        researcher = token(Role.RESEARCHER);
        admin = token(Role.ADMIN);
        labeler = token(Role.LABELER);
    }

    void register(String name, CheckpointKind kind, Path dir) {
        if (registry.findByName(name).isEmpty()) {
            registry.register(new NewCheckpoint(name, kind, dir.toString(), null, null, null));
        }
    }

    /** A fresh account of the role and an API token for it (the password is never used). */
    private String token(Role role) {
        String name = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Account a = accounts.save(new Account(name, name, "{noop}unused", Set.of(role), Instant.now()));
        return tokens.create(a.getId(), "v1-it");
    }

    String baseUrl() {
        return "http://localhost:" + port + "/v1";
    }

    HttpResponse<String> get(String path, @Nullable String token) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest chatRequest(String body, @Nullable String token) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(baseUrl() + "/chat/completions"))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return r.build();
    }

    HttpResponse<String> chat(String body, @Nullable String token) throws Exception {
        return HTTP.send(chatRequest(body, token), HttpResponse.BodyHandlers.ofString());
    }

    /** A completion that must answer 200, as JSON. */
    JsonNode complete(String body) throws Exception {
        HttpResponse<String> r = chat(body, researcher);
        if (r.statusCode() != 200) {
            throw new AssertionError("POST /v1/chat/completions answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** The {@code data:} payloads of a server-sent event stream, in order ({@code [DONE]} included). */
    static List<String> events(String stream) {
        List<String> data = new ArrayList<>();
        for (String event : stream.split("\n\n")) {
            if (event.isBlank()) {
                continue;
            }
            if (!event.startsWith("data: ") || event.contains("\n")) {
                throw new AssertionError("not a one-line data event: '" + event + "'");
            }
            data.add(event.substring("data: ".length()));
        }
        return data;
    }

    /** A request body: {@code model}, one user message, and the given extra fields (JSON members). */
    static String body(String model, String userMessage, String extra) {
        return "{\"model\":" + JSON.writeValueAsString(model) + ",\"messages\":[{\"role\":\"user\",\"content\":"
                + JSON.writeValueAsString(userMessage) + "}]" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }
}
