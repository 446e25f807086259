package dev.pairwise.corpus;

import dev.pairwise.corpus.flink.CorpusFormatException;
import dev.pairwise.policy.io.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Why a job ended without finishing on a remote Flink cluster, read as text from the JobManager's
 * REST endpoint {@code /jobs/:jobid/execution-result}.
 *
 * <p>Flink's own client cannot read it from inside our Spring Boot jar: its
 * {@code SerializedThrowableDeserializer} resolves classes with the JVM's system class loader, which
 * there sees only Boot's launcher, so {@code JobClient.getJobExecutionResult()} of a failed job never
 * completes — the client retries the request every 3 s, logging
 * {@code ClassNotFoundException: org.apache.flink.util.SerializedThrowable}. The same response
 * carries {@code failure-cause.stack-trace}, the failure's chain as {@link Throwable#printStackTrace}
 * writes it, which needs no class at all.
 */
final class RemoteFailure {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long RETRY_MS = 200;
    private static final Pattern FRAME = Pattern.compile("^\\s+(at |\\.\\.\\. \\d+ more|Suppressed: ).*");
    private static final String CAUSED_BY = "Caused by: ";

    private RemoteFailure() {
    }

    /**
     * The error to throw for job {@code id}, which ended in {@code status} on cluster {@code r}:
     * {@link IllegalArgumentException} with the user's own error (a bad input line, say) when the
     * chain holds one, else {@link IllegalStateException} naming the deepest cause.
     */
    static RuntimeException read(Engine.Remote r, JobID id, JobStatus status) {
        URI uri = URI.create("http://" + r.host() + ":" + r.port() + "/jobs/" + id + "/execution-result");
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                JsonNode body = Json.parse(response.body());
                // the dispatcher may answer IN_PROGRESS for a moment after the status turned terminal
                if (response.statusCode() == 200 && "COMPLETED".equals(body.path("status").path("id").asString(""))) {
                    return fromStackTrace(body.path("job-execution-result").path("failure-cause")
                            .path("stack-trace").asString(""), status);
                }
                if (System.nanoTime() > deadline) {
                    return new IllegalStateException("the cleaning job ended " + status + " on the cluster; "
                            + uri + " answered " + response.statusCode() + ": " + response.body());
                }
                Thread.sleep(RETRY_MS);
            }
        } catch (IOException | RuntimeException e) {
            return new IllegalStateException("the cleaning job ended " + status + " on the cluster; its cause could "
                    + "not be read from " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("interrupted while reading why the cleaning job ended " + status, e);
        }
    }

    /** The error for a failure whose chain is {@code stackTrace} (printStackTrace's text; blank when none). */
    static RuntimeException fromStackTrace(String stackTrace, JobStatus status) {
        List<String> chain = causes(stackTrace);
        for (String cause : chain.reversed()) {
            IllegalArgumentException user = userError(cause);
            if (user != null) {
                return user;
            }
        }
        if (chain.isEmpty()) {
            return new IllegalStateException(status == JobStatus.CANCELED ? "cancelled on the cluster"
                    : "the cleaning job ended " + status + " on the cluster without a cause");
        }
        return new IllegalStateException("the cleaning job failed: " + chain.getLast());
    }

    /**
     * The user's own error (the input or a setting at fault) that a printed header
     * {@code "class: message"} names, or null when it names another kind of error.
     */
    static @Nullable IllegalArgumentException userError(String header) {
        // CorpusFormatException is an IllegalArgumentException, and is thrown for bad input
        if (header.startsWith(IllegalArgumentException.class.getName() + ":")
                || header.startsWith(CorpusFormatException.class.getName() + ":")) {
            return new IllegalArgumentException(header.substring(header.indexOf(':') + 1).strip());
        }
        return null;
    }

    /**
     * The headers of a printed chain, outermost first: "class: message" of the first line and of each
     * "Caused by:", a message running over several lines kept whole.
     */
    static List<String> causes(String stackTrace) {
        List<String> causes = new ArrayList<>();
        StringBuilder current = null;
        for (String line : stackTrace.split("\n", -1)) {
            if (line.startsWith(CAUSED_BY)) {
                add(causes, current);
                current = new StringBuilder(line.substring(CAUSED_BY.length()));
            } else if (FRAME.matcher(line).matches()) {
                add(causes, current);
                current = null;
            } else if (current != null) {
                current.append('\n').append(line);
            } else if (causes.isEmpty() && !line.isBlank()) {
                current = new StringBuilder(line);
            }
        }
        add(causes, current);
        return causes;
    }

    private static void add(List<String> causes, StringBuilder header) {
        if (header != null && !header.isEmpty()) {
            causes.add(header.toString().strip());
        }
    }
}
