package dev.pairwise.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.labeling.account.Role;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Request bodies over their limit are refused with 413 problem details before they are parsed:
 * at once when {@code Content-Length} says so (the answer comes before a byte of the body is
 * sent), else at the first byte past the limit of a streamed (chunked) body. An import has one
 * limit, raw or uploaded, and leaves no stack trace in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestSizeLimitIT extends LiveApiTest {

    @Test
    void a_json_body_over_the_limit_is_refused_before_it_is_read() throws Exception {
        String admin = account(Role.ADMIN);

        // The head promises 50 MB and no byte of it is sent: the server answers all the same.
        RawHttp.Reply declared = RawHttp.exchange("127.0.0.1", port, head("POST", "/api/projects", admin, PASSWORD)
                + "Content-Type: application/json\r\nContent-Length: 52428800\r\n", new byte[0]);
        JsonNode refused = problem(declared, 413);
        assertThat(refused.get("limitBytes").asLong()).isEqualTo(MAX_JSON);
        assertThat(refused.get("detail").asString()).contains("64 KB");

        // Valid JSON that needs every byte read, streamed without a length, just over the limit.
        String tooBig = "big-" + UUID.randomUUID();
        problem(send(as(admin, "/api/projects").header("Content-Type", "application/json")
                .POST(streamed(project(tooBig, MAX_JSON)))), 413);
        // The same project under the limit is created: the limit is what refused it.
        String fits = "fits-" + UUID.randomUUID();
        assertThat(send(as(admin, "/api/projects").header("Content-Type", "application/json")
                .POST(streamed(project(fits, MAX_JSON - 200)))).statusCode()).isEqualTo(201);

        String projects = send(as(admin, "/api/projects")).body();
        assertThat(projects).contains(fits).doesNotContain(tooBig);
    }

    @Test
    void an_import_over_the_limit_is_refused_raw_or_uploaded_and_one_under_it_lands(CapturedOutput log)
            throws Exception {
        String admin = account(Role.ADMIN);
        long p = JSON.readTree(send(as(admin, "/api/projects").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"import-" + UUID.randomUUID() + "\",\"k\":2}")))
                .body()).get("id").asLong();
        String path = "/api/projects/" + p + "/import?format=JSONL";
        byte[] over = jsonl("over", MAX_IMPORT + 1);

        for (HttpResponse<String> r : java.util.List.of(
                send(as(admin, path).header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(over))),
                send(as(admin, path).header("Content-Type", "application/x-ndjson").POST(streamed(over))),
                send(multipart(as(admin, path), over, false)),
                send(multipart(as(admin, path), over, true)))) {
            assertThat(problem(r, 413).get("limitBytes").asLong()).isEqualTo(MAX_IMPORT);
        }
        assertThat(JSON.readTree(send(as(admin, "/api/projects/" + p + "/progress")).body()).get("tasks").asLong())
                .as("nothing imported").isZero();

        int fits = MAX_IMPORT - 8 * 1024;
        HttpResponse<String> raw = send(as(admin, path).header("Content-Type", "application/x-ndjson")
                .POST(streamed(jsonl("raw-body", fits)))); // tags of one length: the same number of lines
        assertThat(raw.statusCode()).as(raw.body()).isEqualTo(201);
        HttpResponse<String> uploaded = send(multipart(as(admin, path), jsonl("uploaded", fits), false));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(JSON.readTree(uploaded.body()).get("tasks").asLong())
                .isEqualTo(JSON.readTree(raw.body()).get("tasks").asLong()).isPositive();

        assertThat(log.getOut()).doesNotContain("SizeLimitExceeded", "Servlet.service()", "Exception Processing",
                "Unexpected error");
    }

    /** A project as JSON of at least {@code bytes} bytes: blanks between its fields, which JSON allows. */
    private static byte[] project(String name, int bytes) {
        String head = "{\"name\":\"" + name + "\",";
        String tail = "\"k\":2}";
        return (head + " ".repeat(Math.max(0, bytes - head.length() - tail.length() + 1)) + tail)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Distinct JSONL prompts with two responses each, together just over {@code bytes} bytes. */
    private static byte[] jsonl(String tag, int bytes) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; lines.length() <= bytes; i++) {
            lines.append("{\"prompt\":\"").append(tag).append(" question ").append(i).append(": what is ").append(i).append(" + ").append(i)
                    .append("?\",\"responses\":[\"").append(2 * i).append("\",\"I do not know\"]}\n");
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A body without a length: sent chunked. */
    private static HttpRequest.BodyPublisher streamed(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    /** {@code content} as the multipart part {@code file}; chunked or with a length. */
    private static HttpRequest.Builder multipart(HttpRequest.Builder request, byte[] content, boolean chunked) {
        String boundary = "----pairwise" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"prompts.jsonl\"\r\n"
                + "Content-Type: application/x-ndjson\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] bytes = body.toByteArray();
        return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(chunked ? streamed(bytes) : HttpRequest.BodyPublishers.ofByteArray(bytes));
    }
}
