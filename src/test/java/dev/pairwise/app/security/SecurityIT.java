package dev.pairwise.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.app.PairwiseApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The filter chains of the running app, over real HTTP: the stateless API (basic, bearer, 401/403
 * as problem details), the open probes, and the login redirect of the views. Demo accounts are seeded.
 */
@SpringBootTest(classes = PairwiseApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:securityit;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "pairwise.demo.enabled=true"})
class SecurityIT {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    AccountAdminService accounts;

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void an_anonymous_api_call_gets_401_as_problem_details() throws Exception {
        HttpResponse<String> response = get("/api/projects", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":401", "\"title\":\"Unauthorized\"");
    }

    @Test
    void an_unknown_bearer_token_or_a_wrong_password_gets_401() throws Exception {
        assertThat(get("/api/projects", "Bearer pw_not-a-token").statusCode()).isEqualTo(401);
        assertThat(get("/api/projects", basic("labeler", "wrong")).statusCode()).isEqualTo(401);
    }

    @Test
    void a_labeler_with_http_basic_reads_projects_but_may_not_export() throws Exception {
        assertThat(get("/api/projects", basic("labeler", "labeler")).statusCode()).isEqualTo(200);
        HttpResponse<String> export = get("/api/projects/1/export/pairs", basic("labeler", "labeler"));
        assertThat(export.statusCode()).isEqualTo(403);
    }

    @Test
    void a_researcher_exports_with_an_api_token() throws Exception {
        long researcher = accounts.findByUsername("researcher").orElseThrow().getId();
        String token = tokens.create(researcher, "it");
        HttpResponse<String> projects = get("/api/projects", "Bearer " + token);
        assertThat(projects.statusCode()).isEqualTo(200);
        assertThat(projects.headers().firstValue("Set-Cookie")).as("stateless: no session").isEmpty();
    }

    @Test
    void health_and_prometheus_are_open_other_actuator_endpoints_are_not() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics", basic("labeler", "labeler")).statusCode()).isEqualTo(403);
    }

    @Test
    void an_anonymous_request_for_a_view_is_sent_to_the_login_page() throws Exception {
        HttpResponse<String> response = get("/admin/users", null);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login"));
        assertThat(get("/login", null).statusCode()).isEqualTo(200);
    }
}
