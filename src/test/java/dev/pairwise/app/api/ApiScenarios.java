package dev.pairwise.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pairwise.app.security.ApiTokenService;
import dev.pairwise.labeling.account.Account;
import dev.pairwise.labeling.account.AccountRepository;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.judgment.ResponseFlag;
import dev.pairwise.labeling.judgment.ResponseRating;
import dev.pairwise.labeling.judgment.ResponseRatingRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API end to end through the security filters: role gates (401/403), a whole
 * import → next → submit → export round, idempotent submit and problem details for bad input.
 * Run against H2 and PostgreSQL by the subclasses.
 */
abstract class ApiScenarios {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct horse";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ResponseRatingRepository ratings;

    String admin;
    String labeler;
    String researcher;

    @BeforeEach
    void accounts() {
        admin = account(Role.ADMIN);
        labeler = account(Role.LABELER);
        researcher = account(Role.RESEARCHER);
    }

    private String account(Role role) {
        String name = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.save(new Account(name, name, encoder.encode(PASSWORD), Set.of(role), Instant.now()));
        return name;
    }

    private static RequestPostProcessor as(String user) {
        return httpBasic(user, PASSWORD);
    }

    private JsonNode json(MockHttpServletRequestBuilder request, int status) throws Exception {
        String body = mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString();
        return body.isEmpty() ? null : JSON.readTree(body);
    }

    private long project(int k) throws Exception {
        return json(post("/api/projects").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"api-" + UUID.randomUUID() + "\",\"guidelines\":\"# Rank\",\"k\":" + k + "}"), 201)
                .get("id").asLong();
    }

    @Test
    void anonymous_requests_get_401() throws Exception {
        mvc.perform(get("/api/projects")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/projects/1/tasks/next")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/projects/1/export/pairs").with(httpBasic(admin, "wrong password")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void roles_gate_every_endpoint_with_403() throws Exception {
        long p = project(2);
        mvc.perform(post("/api/projects").with(as(labeler)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"x\"}")).andExpect(status().isForbidden());
        mvc.perform(get("/api/projects/" + p + "/export/pairs").with(as(labeler))).andExpect(status().isForbidden());
        mvc.perform(post("/api/projects/" + p + "/import?format=JSONL").with(as(researcher))
                .contentType("application/x-ndjson").content("")).andExpect(status().isForbidden());
        mvc.perform(post("/api/projects/" + p + "/tasks/next").with(as(researcher))).andExpect(status().isForbidden());
        mvc.perform(get("/api/projects/" + p + "/progress").with(as(labeler))).andExpect(status().isForbidden());
        mvc.perform(get("/api/projects/" + p + "/export/pairs").with(as(researcher))).andExpect(status().isOk());
        mvc.perform(get("/api/projects").with(as(labeler))).andExpect(status().isOk());
    }

    @Test
    void a_bearer_token_authenticates_as_its_account() throws Exception {
        long id = accounts.findByUsername(researcher).orElseThrow().getId();
        String token = tokens.create(id, "script");
        mvc.perform(get("/api/projects").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(get("/api/projects").header("Authorization", "Bearer not-a-token"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void import_label_submit_twice_and_export_round() throws Exception {
        long p = project(3);
        JsonNode imported = json(post("/api/projects/" + p + "/import?format=JSONL&source=api-test").with(as(admin))
                .contentType("application/x-ndjson").content("""
                        {"prompt": "Capital of France?", "responses": ["Paris", "Lyon", "Paris, on the Seine."]}
                        {"prompt": "2+2?", "responses": ["4", "5", "four"]}
                        """), 201);
        assertThat(imported.get("tasks").asInt()).isEqualTo(2);
        mvc.perform(post("/api/projects/" + p + "/import?format=JSONL").with(as(admin))
                        .contentType("application/x-ndjson").content("{\"prompt\": \"1+1?\", \"responses\": [\"2\", \"3\"]}\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.errors[0].reason").value("has 2 responses; this project ranks exactly 3 per prompt (its K)"));

        JsonNode task = json(post("/api/projects/" + p + "/tasks/next").with(as(labeler)), 200);
        long taskId = task.get("taskId").asLong();
        JsonNode order = task.get("presentedOrder");
        String body = "{\"presentedOrder\":" + order + ",\"tiers\":[" + "[" + order.get(0) + "],["
                + order.get(1) + (order.size() > 2 ? "," + order.get(2) : "") + "]],\"likert\":{\"" + order.get(0)
                + "\":7},\"flags\":{\"" + order.get(1) + "\":[\"UNTRUTHFUL\"]},\"timeOnTaskMs\":1500}";
        double submitted = meters.counter("pairwise.judgments.submitted").count();
        JsonNode first = json(post("/api/tasks/" + taskId + "/judgments").with(as(labeler))
                .header("Idempotency-Key", "k-" + taskId).contentType(MediaType.APPLICATION_JSON).content(body), 201);
        JsonNode again = json(post("/api/tasks/" + taskId + "/judgments").with(as(labeler))
                .header("Idempotency-Key", "k-" + taskId).contentType(MediaType.APPLICATION_JSON).content(body), 200);
        assertThat(again.get("judgmentId").asLong()).isEqualTo(first.get("judgmentId").asLong());
        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(meters.counter("pairwise.judgments.submitted").count() - submitted).isEqualTo(1.0);
        // The labeling calls are timed by their own timer, the rest of the API by http.server.requests.
        assertThat(meters.find("pairwise.api.labeling.requests").tags("call", "judgments", "status", "201").timer())
                .isNotNull().satisfies(t -> assertThat(t.count()).isPositive());
        assertThat(meters.find("pairwise.api.labeling.requests").tags("call", "next", "status", "200").timer())
                .isNotNull().satisfies(t -> assertThat(t.count()).isPositive());
        assertThat(meters.find("http.server.requests").tag("uri", "/api/tasks/{taskId}/judgments").timers()).isEmpty();
        assertThat(first.get("pairs").asInt()).isEqualTo(order.size() == 3 ? 2 : 1);
        assertThat(ratings.findByJudgmentId(first.get("judgmentId").asLong()))
                .extracting(ResponseRating::getResponseId, ResponseRating::getLikert, ResponseRating::getFlags)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(order.get(0).asLong(), 7, Set.of()),
                        org.assertj.core.groups.Tuple.tuple(order.get(1).asLong(), null, Set.of(ResponseFlag.UNTRUTHFUL)));

        String export = mvc.perform(get("/api/projects/" + p + "/export/pairs?format=TRL").with(as(researcher)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().contentTypeCompatibleWith("application/x-ndjson"))
                .andReturn().getResponse().getContentAsString();
        String[] lines = export.strip().split("\n");
        assertThat(lines).hasSize(first.get("pairs").asInt());
        JsonNode line = JSON.readTree(lines[0]);
        assertThat(line.get("labeler").asString()).isEqualTo(labeler);
        assertThat(line.get("judgment_id").asLong()).isEqualTo(first.get("judgmentId").asLong());

        JsonNode progress = json(get("/api/projects/" + p + "/progress").with(as(admin)), 200);
        assertThat(progress.get("judgments").asLong()).isEqualTo(1);
    }

    @Test
    void a_skipped_task_comes_back_last_the_skip_can_be_undone_and_the_queue_says_where_one_stands() throws Exception {
        long p = project(2);
        json(post("/api/projects/" + p + "/import?format=JSONL").with(as(admin)).contentType("application/x-ndjson")
                .content("""
                        {"prompt": "One?", "responses": ["1", "one"]}
                        {"prompt": "Two?", "responses": ["2", "two"]}
                        """), 201);
        JsonNode queue = json(get("/api/projects/" + p + "/tasks/queue").with(as(labeler)), 200);
        assertThat(queue.get("position").asLong()).isEqualTo(1);
        assertThat(queue.get("total").asLong()).isEqualTo(2);

        long first = json(post("/api/projects/" + p + "/tasks/next").with(as(labeler)), 200).get("taskId").asLong();
        json(post("/api/tasks/" + first + "/skip").with(as(labeler)), 204);
        long second = json(post("/api/projects/" + p + "/tasks/next").with(as(labeler)), 200).get("taskId").asLong();
        assertThat(second).isNotEqualTo(first);
        assertThat(json(post("/api/projects/" + p + "/skips/undo").with(as(labeler)), 200).get("taskId").asLong())
                .isEqualTo(first);
        json(post("/api/tasks/" + first + "/skip").with(as(labeler)), 204);
        assertThat(json(post("/api/projects/" + p + "/tasks/next").with(as(labeler)), 200).get("taskId").asLong())
                .as("the task given back by the undo, then the skipped one").isEqualTo(second);
        json(post("/api/tasks/" + second + "/skip").with(as(labeler)), 204);
        assertThat(json(post("/api/projects/" + p + "/tasks/next").with(as(labeler)), 200).get("taskId").asLong())
                .as("oldest skip first").isEqualTo(first);
        queue = json(get("/api/projects/" + p + "/tasks/queue").with(as(labeler)), 200);
        assertThat(queue.get("skipped").asLong()).isEqualTo(1);
        assertThat(queue.get("left").asLong()).isEqualTo(2);

        mvc.perform(post("/api/projects/" + p + "/skips/undo").with(as(researcher))).andExpect(status().isForbidden());
        String other = account(Role.LABELER);
        mvc.perform(post("/api/projects/" + p + "/skips/undo").with(as(other)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void multipart_upload_with_a_bad_line_stores_nothing_and_reports_the_line() throws Exception {
        long p = project(2);
        MockMultipartFile file = new MockMultipartFile("file", "bad.csv", "text/csv",
                "prompt,response_1,response_2\nq1,a,b\nq2,,\n".getBytes());
        mvc.perform(multipart("/api/projects/" + p + "/import").file(file).param("format", "CSV").with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("file"))
                .andExpect(jsonPath("$.errors[0].line").value(3));
        JsonNode progress = json(get("/api/projects/" + p + "/progress").with(as(admin)), 200);
        assertThat(progress.get("tasks").asLong()).isZero();
        mvc.perform(multipart("/api/projects/" + p + "/import").file(file).param("format", "CSV")
                        .param("preview", "true").with(as(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.goodItems").value(1))
                .andExpect(jsonPath("$.errorCount").value(1));
    }

    @Test
    void bad_input_answers_400_problem_details_naming_the_field() throws Exception {
        mvc.perform(post("/api/projects").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"k-too-big-" + UUID.randomUUID() + "\",\"k\":10}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("k"))
                .andExpect(jsonPath("$.detail", startsWith("k must be between 2 and 9")));
        mvc.perform(get("/api/projects/999999999").with(as(admin)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.field").value("projectId"));
        mvc.perform(get("/api/projects/1/export/pairs?format=CSV").with(as(admin)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("format"));

        long p = project(2);
        mvc.perform(post("/api/projects/" + p + "/import?format=JSONL").with(as(admin))
                .contentType("application/x-ndjson").content("{\"prompt\":\"q\",\"responses\":[\"a\",\"b\"]}\n"))
                .andExpect(status().isCreated());
        JsonNode task = json(post("/api/projects/" + p + "/tasks/next").with(as(labeler)), 200);
        long taskId = task.get("taskId").asLong();
        JsonNode order = task.get("presentedOrder");
        mvc.perform(post("/api/tasks/" + taskId + "/judgments").with(as(labeler)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"idempotencyKey\":\"x-" + taskId + "\",\"presentedOrder\":" + order + ",\"tiers\":[["
                                + order.get(0) + "]],\"likert\":{}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("tiers"));
        mvc.perform(post("/api/tasks/" + taskId + "/judgments").with(as(labeler)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"idempotencyKey\":\"y-" + taskId + "\",\"presentedOrder\":" + order + ",\"tiers\":["
                                + order + "],\"likert\":{\"" + order.get(0) + "\":9}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("likert[" + order.get(0) + "]"));
        mvc.perform(post("/api/tasks/" + taskId + "/judgments").with(as(labeler)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"idempotencyKey\":\"z\",\"tiers\":[" + order + "],\"flags\":{\"" + order.get(0)
                                + "\":[\"RUDE\"]}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", startsWith("flags")))
                // in words, naming the allowed values, not Java classes
                .andExpect(jsonPath("$.detail", containsString("'RUDE' is not one of [")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("dev.pairwise"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("java."))));
        mvc.perform(post("/api/tasks/987654321/judgments").with(as(labeler)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"idempotencyKey\":\"w\",\"tiers\":[[1],[2]]}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.field").value("taskId"));
        JsonNode progress = json(get("/api/projects/" + p + "/progress").with(as(admin)), 200);
        assertThat(progress.get("judgments").asLong()).isZero();
        assertThat(progress.get("pairs").asLong()).isZero();
    }

    @Test
    void demonstrations_are_written_reviewed_searched_and_exported() throws Exception {
        long p = project(2);
        mvc.perform(post("/api/projects/" + p + "/demonstrations").with(as(labeler))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"instruction\":\"Q\",\"response\":\"A\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/projects/" + p + "/demonstrations").with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"instruction\":\" \",\"response\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("instruction"))
                .andExpect(jsonPath("$.errors[0].field").value("instruction"))
                .andExpect(jsonPath("$.errors[1].field").value("response"))
                .andExpect(jsonPath("$.errors[1].detail").value("response must not be empty"));
        JsonNode demo = json(post("/api/projects/" + p + "/demonstrations").with(as(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"instruction\":\"Name a prime.\",\"response\":\"7\",\"submit\":true}"), 201);
        assertThat(demo.get("status").asString()).isEqualTo("SUBMITTED");
        mvc.perform(post("/api/demonstrations/" + demo.get("id").asLong() + "/review").with(as(researcher))
                .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/demonstrations/" + demo.get("id").asLong() + "/review").with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("another admin must approve it")));
        String reviewer = account(Role.ADMIN);
        JsonNode edited = json(put("/api/demonstrations/" + demo.get("id").asLong()).with(as(reviewer))
                .contentType(MediaType.APPLICATION_JSON).content("{\"instruction\":\"Name a prime.\",\"response\":\"7 is prime.\"}"), 200);
        assertThat(edited.get("status").asString()).isEqualTo("SUBMITTED");
        JsonNode edits = json(get("/api/demonstrations/" + demo.get("id").asLong() + "/edits").with(as(researcher)), 200);
        assertThat(edits.get(0).get("editorName").asString()).isEqualTo(reviewer);
        assertThat(edits.get(0).get("responseBefore").asString()).isEqualTo("7");
        json(post("/api/demonstrations/" + demo.get("id").asLong() + "/review").with(as(reviewer))
                .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true,\"note\":\"ok\"}"), 200);
        JsonNode found = json(get("/api/demonstrations?projectId=" + p + "&status=APPROVED").with(as(researcher)), 200);
        assertThat(found.get("total").asLong()).isEqualTo(1);
        assertThat(found.get("items").get(0).get("reviewerName").asString()).isEqualTo(reviewer);
        String export = mvc.perform(get("/api/projects/" + p + "/export/demonstrations?format=MESSAGES")
                        .with(as(researcher)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(export).isEqualTo("{\"messages\":[{\"role\":\"user\",\"content\":\"Name a prime.\"},"
                + "{\"role\":\"assistant\",\"content\":\"7 is prime.\"}]}\n");
    }
}
