package dev.pairwise.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A running app instance seen from outside: its REST API over real HTTP, as a user with a password. */
record AppInstance(String name, int port, String password) {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A status and a body, as the instance answered. */
    record Reply(int status, String body) {
    }

    boolean healthy() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (java.io.IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A JSON request ({@code body} null for none) by {@code user}. */
    Reply call(String method, String path, String user, @Nullable String body) throws Exception {
        return call(method, path, user, body, "application/json");
    }

    private Reply call(String method, String path, String user, @Nullable String body, String contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    /** The JSON answer of a request that must answer {@code status}. */
    JsonNode send(String method, String path, String user, @Nullable String body, int status) throws Exception {
        return expect(call(method, path, user, body), status, method + " " + path);
    }

    JsonNode sendNdjson(String path, String user, String lines) throws Exception {
        return expect(call("POST", path, user, lines, "application/x-ndjson"), 201, "POST " + path);
    }

    /** The text of a GET that must answer 200 (an export). */
    String text(String path, String user) throws Exception {
        Reply r = call("GET", path, user, null);
        if (r.status() != 200) {
            throw new AssertionError(name + ": GET " + path + " answered " + r.status() + " " + r.body());
        }
        return r.body();
    }

    private JsonNode expect(Reply r, int status, String what) {
        if (r.status() != status) {
            throw new AssertionError(name + ": " + what + " answered " + r.status() + " (wanted " + status + "): " + r.body());
        }
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
