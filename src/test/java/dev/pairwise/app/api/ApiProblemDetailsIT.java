package dev.pairwise.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.labeling.account.Role;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every refusal of the API is an RFC 9457 problem ({@code application/problem+json}) in words,
 * over real HTTP: the security layer's 401 and 403 (also on the actuator), Spring MVC's 404, 405
 * and 415 that come before any controller (also on the labeling calls, which are handler functions), and bad input, where an unknown value names the
 * allowed ones instead of a Java type.
 */
class ApiProblemDetailsIT extends LiveApiTest {

    @Test
    void the_security_layer_answers_401_and_403_as_problems() throws Exception {
        String labeler = account(Role.LABELER);

        HttpResponse<String> anonymous = send(as(null, "/api/projects"));
        assertThat(problem(anonymous, 401).get("detail").asString()).contains("HTTP basic", "Bearer");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"pairwise\", Bearer");

        HttpResponse<String> wrongPassword = send(HttpRequest.newBuilder(uri("/api/projects"))
                .header("Authorization", basic(labeler, "not the password")));
        assertThat(problem(wrongPassword, 401).get("detail").asString()).contains("not accepted");
        problem(send(HttpRequest.newBuilder(uri("/api/projects")).header("Authorization", "Bearer pw_no-such-token")), 401);

        HttpResponse<String> forbidden = send(as(labeler, "/api/projects/1/export/pairs"));
        assertThat(problem(forbidden, 403).get("instance").asString()).isEqualTo("/api/projects/1/export/pairs");
        problem(send(as(labeler, "/api/projects/1/export/pairs").header("Accept", "text/html")), 403);
    }

    @Test
    void the_actuator_refuses_with_problems_too() throws Exception {
        String labeler = account(Role.LABELER);
        problem(send(as(labeler, "/actuator/metrics")), 403);
        problem(send(as(null, "/actuator/metrics")), 401);
        assertThat(send(as(account(Role.ADMIN), "/actuator/metrics")).statusCode()).isEqualTo(200);
    }

    @Test
    void refusals_before_any_controller_are_problems() throws Exception {
        String labeler = account(Role.LABELER);
        String admin = account(Role.ADMIN);

        HttpResponse<String> unknown = send(as(labeler, "/api/no/such/endpoint"));
        assertThat(problem(unknown, 404).get("detail").asString()).contains("GET /api/no/such/endpoint");
        assertThat(unknown.headers().firstValue("Set-Cookie")).as("not a Vaadin page with a session").isEmpty();
        problem(send(as(labeler, "/api/nope").POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")), 404);

        HttpResponse<String> method = send(as(labeler, "/api/projects").DELETE());
        problem(method, 405);
        assertThat(method.headers().firstValue("Allow")).hasValueSatisfying(v -> assertThat(v).contains("GET", "POST"));

        problem(send(as(admin, "/api/projects").header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<project/>"))), 415);

        JsonNode badId = problem(send(as(admin, "/api/projects/abc")), 400);
        assertThat(badId.get("field").asString()).isEqualTo("projectId");
    }

    /** The same refusals on the labeling calls, which are handler functions (LabelingRoutes), not controller methods. */
    @Test
    void the_labeling_calls_refuse_as_the_controllers_do() throws Exception {
        String labeler = account(Role.LABELER);
        String admin = account(Role.ADMIN);

        HttpResponse<String> method = send(as(labeler, "/api/tasks/1/judgments"));
        problem(method, 405);
        assertThat(method.headers().firstValue("Allow")).hasValue("POST");
        problem(send(as(labeler, "/api/projects/1/tasks/next").DELETE()), 405);

        HttpResponse<String> notLabeler = send(as(admin, "/api/projects/1/tasks/next")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(problem(notLabeler, 403).get("detail").asString()).contains("lacks the role");
        problem(send(as(null, "/api/projects/1/tasks/next").POST(HttpRequest.BodyPublishers.noBody())), 401);

        JsonNode badId = problem(send(as(labeler, "/api/projects/abc/tasks/next")
                .POST(HttpRequest.BodyPublishers.noBody())), 400);
        assertThat(badId.get("field").asString()).isEqualTo("projectId");
        assertThat(badId.get("detail").asString()).isEqualTo("projectId has an invalid value 'abc'");
        problem(send(as(labeler, "/api/projects/999999/tasks/next").POST(HttpRequest.BodyPublishers.noBody())), 404);

        problem(send(as(labeler, "/api/tasks/1/judgments").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("tiers"))), 415);
        assertThat(judgment(labeler, "").get("field").asString()).isEqualTo("body");
    }

    @Test
    void bad_input_names_the_field_and_the_allowed_values_in_words() throws Exception {
        String labeler = account(Role.LABELER);
        String admin = account(Role.ADMIN);

        JsonNode flag = judgment(labeler, "{\"tiers\":[[1],[2]],\"flags\":{\"1\":[\"RUDE\"]}}");
        assertThat(flag.get("field").asString()).startsWith("flags");
        assertThat(flag.get("detail").asString()).contains("'RUDE' is not one of [", "UNTRUTHFUL", "HARMFUL");

        assertThat(judgment(labeler, "{\"flags\":{\"1\":\"HARMFUL\"}}").get("detail").asString())
                .isEqualTo("flags.1: expected a list");
        assertThat(judgment(labeler, "{\"likert\":{\"1\":\"seven\"}}").get("detail").asString())
                .isEqualTo("likert.1: expected a number");
        assertThat(judgment(labeler, "{\"tiers\":\"first\"}").get("detail").asString())
                .isEqualTo("tiers: expected a list");
        judgment(labeler, "{\"tiers\":"); // cut off: a problem, and no parser text

        JsonNode k = problem(send(as(admin, "/api/projects").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"k\":\"three\"}"))), 400);
        assertThat(k.get("detail").asString()).isEqualTo("k: expected a number");

        JsonNode format = problem(send(as(admin, "/api/projects/1/export/pairs?format=CSV")), 400);
        assertThat(format.get("detail").asString()).contains("'CSV'", "TRL", "HH_RLHF");
    }

    private JsonNode judgment(String labeler, String body) throws Exception {
        return problem(send(as(labeler, "/api/tasks/1/judgments").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))), 400);
    }
}
