package dev.pairwise.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.app.PairwiseApplication;
import dev.pairwise.app.security.ApiTokenService;
import dev.pairwise.labeling.account.Account;
import dev.pairwise.labeling.account.AccountRepository;
import dev.pairwise.labeling.account.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole app started on a random port (H2 in memory, no demo data), met over real HTTP as a
 * client meets it. Small body limits (64 KB of JSON, 256 KB per import) and a quick login
 * throttle (2 free failures per account, 4 per address, then 3 s doubling, locked at twice that)
 * keep the tests short; the defaults are checked by {@code ApiLimitsTest} and
 * {@code LoginThrottleTest}. The ITs that extend this class share one started app.
 */
@SpringBootTest(classes = PairwiseApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:liveapi;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "pairwise.demo.enabled=false",
                "pairwise.api.max-json-bytes=64KB",
                "pairwise.api.max-import-bytes=256KB",
                "pairwise.security.login-throttle.account-failures=2",
                "pairwise.security.login-throttle.address-failures=4",
                "pairwise.security.login-throttle.first-delay=3s",
                "pairwise.security.login-throttle.lockout=10m"})
abstract class LiveApiTest {

    static final String PASSWORD = "correct horse battery";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int MAX_JSON = 64 * 1024;
    static final int MAX_IMPORT = 256 * 1024;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ApiTokenService tokens;

    /** A new account with the role and {@link #PASSWORD}; its username. */
    String account(Role role) {
        String name = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.save(new Account(name, name, encoder.encode(PASSWORD), Set.of(role), Instant.now()));
        return name;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A request to {@code path} signed with {@code user}'s password (null: anonymous). */
    HttpRequest.Builder as(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        return user == null ? request : request.header("Authorization", basic(user, PASSWORD));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A head for {@link RawHttp}: request line and basic authorization. */
    static String head(String method, String path, String user, String password) {
        return method + " " + path + " HTTP/1.1\r\nAuthorization: " + basic(user, password) + "\r\n";
    }

    /**
     * Asserts an RFC 9457 problem with {@code status}, written for people: a title and a detail,
     * and no Java class or package name anywhere in the body.
     */
    static JsonNode problem(int actualStatus, String contentType, String body, int status) {
        assertThat(actualStatus).as(body).isEqualTo(status);
        assertThat(contentType).as("content type of " + body).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(body).doesNotContain("java.", "dev.pairwise", "springframework", "Exception");
        return problem;
    }

    static JsonNode problem(HttpResponse<String> r, int status) {
        return problem(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), status);
    }

    static JsonNode problem(RawHttp.Reply r, int status) {
        return problem(r.status(), r.header("Content-Type") == null ? "" : r.header("Content-Type"), r.body(), status);
    }
}
