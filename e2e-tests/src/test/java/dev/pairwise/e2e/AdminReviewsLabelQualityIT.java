package dev.pairwise.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.pairwise.policy.io.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13's done-when, over real HTTP and in the browser: three labelers judge a project through
 * the API (two rank the better answer first, one always ranks the first-shown response first,
 * quickly), with two gold tasks mixed in; an admin sees agreement and the labelers table with the
 * left-picker flagged for position bias and everyone's gold accuracy, adjudicates one disputed
 * task, and the adjudicated ranking is in the judgments export.
 */
class AdminReviewsLabelQualityIT extends BrowserTestBase {

    static final int TASKS = 30;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void an_admin_sees_a_left_picker_flagged_and_adjudicates_a_disputed_task_that_reaches_the_export() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String projectName = "quality-" + run;
        long project = api("POST", "/api/projects", "admin", "admin",
                "{\"name\":\"" + projectName + "\",\"k\":2,\"overlap\":3,\"randomizeOrder\":true}")
                .get("id").asLong();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < TASKS; i++) {
            lines.append("{\"prompt\":\"Question ").append(i).append("?\",\"responses\":[\"good answer ").append(i)
                    .append("\",\"weak answer ").append(i).append("\"]}\n");
        }
        send("POST", "/api/projects/" + project + "/import?format=JSONL", "admin", "admin", lines.toString(),
                "application/x-ndjson");
        for (int g = 0; g < 2; g++) {
            api("POST", "/api/projects/" + project + "/gold", "admin", "admin", "{\"prompt\":\"Gold " + g
                    + "?\",\"responses\":[\"good answer g" + g + "\",\"weak answer g" + g + "\"],\"ranking\":[[0],[1]]}");
        }
        api("PUT", "/api/projects/" + project + "/quality-settings", "admin", "admin", "{\"goldRate\":1.0}");

        String ann = labeler("ann-" + run);
        String bob = labeler("bob-" + run);
        String lefty = labeler("lefty-" + run);
        for (String name : List.of(ann, bob, lefty)) {
            judgeAll(project, name, name.equals(lefty));
        }

        login("admin", "admin");
        page.navigate(url("/admin/quality"));
        choose("#quality-project", projectName);
        assertThat(page.getByTestId("quality-labeler-count")).hasText("3");
        assertThat(page.getByTestId("quality-pairwise")).containsText("%");
        assertThat(page.getByTestId("flags-" + lefty)).containsText("position");
        assertThat(page.getByTestId("flags-" + ann)).not().containsText("position");
        Locator annRow = page.locator("#quality-labelers vaadin-grid-cell-content", new com.microsoft.playwright.Page
                .LocatorOptions().setHasText("100.0% of 2"));
        assertThat(annRow.first()).isVisible();
        screenshot("13-labelers-table");

        page.navigate(url("/review"));
        choose("#review-project", projectName);
        assertThat(page.locator("#review-tasks")).hasAttribute("data-project-id", Long.toString(project));
        page.locator("#review-tasks vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^Task \\d+$"))).first().click();
        String taskText = page.locator("#review-detail h3").first().textContent();
        long task = Long.parseLong(taskText.replace("Task ", "").strip());
        page.getByTestId("use-" + ann).click();
        String letters = page.getByTestId("ranking-" + ann).textContent();
        assertThat(page.locator("#review-ranking input")).hasValue(letters);
        screenshot("14-adjudicate");
        page.locator("#review-save").click();
        assertThat(page.getByTestId("notification-success")).containsText("Adjudicated task " + task);

        List<JsonNode> exported = new ArrayList<>();
        for (String line : send("GET", "/api/projects/" + project + "/export/judgments", "admin", "admin", null, null)
                .lines().toList()) {
            exported.add(Json.parse(line));
        }
        JsonNode adjudicated = exported.stream().filter(o -> o.has("adjudicated")).findFirst().orElseThrow();
        assertThat(adjudicated.get("task_id").asLong()).isEqualTo(task);
        assertThat(adjudicated.get("adjudicated").asBoolean()).isTrue();
        assertThat(adjudicated.get("labeler").asString()).isEqualTo("admin");
        JsonNode annTiers = exported.stream().filter(o -> o.get("task_id").asLong() == task
                && o.get("labeler").asString().equals(ann)).findFirst().orElseThrow().get("tiers");
        assertThat(adjudicated.get("tiers")).isEqualTo(annTiers);

        // Uncertainty-first routing is one of the project's quality settings.
        page.navigate(url("/admin/quality"));
        choose("#quality-project", projectName);
        // The form is rebuilt on the server for the chosen project; opening the old one's select
        // would lose its overlay when the new form replaces it.
        assertThat(page.locator("#quality-body")).hasAttribute("data-project-id", Long.toString(project));
        choose("#quality-routing", "Least certain first");
        page.locator("#quality-save").click();
        assertThat(page.getByTestId("notification-success").last()).containsText("Quality settings saved");
        JsonNode saved = Json.parse(send("GET", "/api/projects/" + project + "/quality-settings", "admin",
                "admin", null, null));
        assertThat(saved.get("routing").asString()).isEqualTo("UNCERTAINTY");
    }

    /** Picks a project in a view's project select. */
    private void choose(String select, String name) {
        page.locator(select).click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(name)).first().click();
        assertThat(page.locator(select)).containsText(name);
    }

    private String labeler(String name) throws Exception {
        api("POST", "/api/admin/accounts", "admin", "admin", "{\"username\":\"" + name + "\",\"password\":\"pw-"
                + name + "\",\"roles\":[\"LABELER\"]}");
        return name;
    }

    /**
     * Takes and judges tasks until none is left: a careful labeler ranks the good answer first and
     * takes about 20 s; the left-picker ranks the first-shown answer first in under a second.
     */
    private void judgeAll(long project, String name, boolean leftPicker) throws Exception {
        for (int i = 0; i < TASKS + 10; i++) {
            JsonNode next = api("POST", "/api/projects/" + project + "/tasks/next", name, "pw-" + name, "");
            if (next == null) {
                return;
            }
            JsonNode t = next;
            JsonNode responses = t.get("responses");
            long first = responses.get(0).get("id").asLong();
            long second = responses.get(1).get("id").asLong();
            boolean firstIsGood = responses.get(0).get("text").asString().startsWith("good");
            long best = leftPicker || firstIsGood ? first : second;
            long worst = best == first ? second : first;
            long time = leftPicker ? 700 + i : 18_000 + 97L * i;
            api("POST", "/api/tasks/" + t.get("taskId").asLong() + "/judgments", name, "pw-" + name,
                    "{\"idempotencyKey\":\"" + UUID.randomUUID() + "\",\"tiers\":[[" + best + "],[" + worst
                            + "]],\"timeOnTaskMs\":" + time + "}");
        }
        throw new AssertionError(name + " got more tasks than the project has");
    }

    /** A JSON request; the parsed answer, or null for 204. */
    private JsonNode api(String method, String path, String user, String password, String json) throws Exception {
        String body = send(method, path, user, password, json, "application/json");
        return body.isEmpty() ? null : Json.parse(body);
    }

    private String send(String method, String path, String user, String password, String body, String type)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (body == null) {
            b.GET();
        } else {
            b.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
