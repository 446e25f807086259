import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Light, steady use of a running app through its REST API, for a soak test (bench/soak.sh): a
 * few labelers lease, judge (with ratings) and skip tasks; when a project runs dry the admin
 * imports more prompts; every 30 s a researcher starts a small job (a char tokenizer) and cancels
 * it; every 60 s the admin writes and approves a demonstration and renames an account. Every answer other than
 * the expected status counts as an error (the first 20 are printed to stderr). Stops by itself
 * after MINUTES and prints one JSON line.
 *
 * <pre>java bench/Soak.java URL MINUTES</pre>
 * Uses the demo accounts (admin/admin, labeler/labeler, researcher/researcher) and makes two more
 * labelers with API tokens through the admin API.
 */
public class Soak {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String url;
    private final Random random = new Random(42);
    private long requests;
    private long errors;
    private long judgments;
    private long skips;
    private long imports;
    private long jobs;
    private long demonstrations;
    private long promptCounter;

    record Answer(int status, String body) {
    }

    /** A request answered with an unexpected status (already counted): the rest of the step is skipped. */
    static final class UnexpectedAnswer extends RuntimeException {
        UnexpectedAnswer(String message) {
            super(message, null, false, false);
        }
    }

    Soak(String url) {
        this.url = url;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java bench/Soak.java URL MINUTES");
            System.exit(2);
        }
        new Soak(args[0]).run(Duration.ofSeconds(Math.round(Double.parseDouble(args[1]) * 60)));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private void run(Duration length) throws Exception {
        long start = System.nanoTime();
        long end = start + length.toNanos();
        String admin = basic("admin");
        String researcher = basic("researcher");
        long project = id(call("POST", "/api/projects", admin, "{\"name\":\"soak-" + System.currentTimeMillis()
                + "\",\"guidelines\":\"Rank the answers.\",\"k\":2}", 201));
        importPrompts(project, admin, 20);
        List<String> labelers = new ArrayList<>(List.of(basic("labeler")));
        for (int i = 1; i <= 2; i++) {
            long account = id(call("POST", "/api/admin/accounts", admin, "{\"username\":\"soak-" + i + "-"
                    + System.currentTimeMillis() + "\",\"roles\":[\"LABELER\"]}", 201));
            String token = field(call("POST", "/api/admin/accounts/" + account + "/tokens", admin,
                    "{\"name\":\"soak\"}", 201).body(), "token");
            labelers.add("Bearer " + token);
        }
        long labelerAccount = accountId(admin, "labeler");
        long nextChore = System.nanoTime();
        long lastJob = -1;
        int turn = 0;
        while (System.nanoTime() < end) {
            try {
                labelOne(project, labelers.get(turn++ % labelers.size()), admin);
                if (System.nanoTime() >= nextChore) {
                    lastJob = startAndCancelJob(researcher, lastJob);
                    if (jobs % 2 == 0) {
                        writeDemonstration(project, admin, labelerAccount);
                    }
                    nextChore += Duration.ofSeconds(30).toNanos();
                }
            } catch (UnexpectedAnswer counted) {
                // Counted where it happened; go on with the next step.
            } catch (RuntimeException e) {
                error("unexpected answer: " + e.getMessage());
            }
            Thread.sleep(100);
        }
        long stored = longField(call("GET", "/api/projects/" + project + "/progress", admin, null, 200).body(),
                "judgments");
        System.out.printf("{\"minutes\":%.1f,\"requests\":%d,\"errors\":%d,\"judgments\":%d,\"stored_judgments\":%d,"
                        + "\"skips\":%d,\"imports\":%d,\"jobs\":%d,\"demonstrations\":%d}%n",
                (System.nanoTime() - start) / 60e9, requests, errors, judgments, stored, skips, imports, jobs,
                demonstrations);
    }

    /** Leases the labeler's next task and judges or skips it; imports more prompts when none is left. */
    private void labelOne(long project, String labeler, String admin) throws InterruptedException {
        Answer next = call("POST", "/api/projects/" + project + "/tasks/next", labeler, null, 200, 204);
        if (next.status() == 204) {
            importPrompts(project, admin, 20);
        } else if (next.status() == 200) {
            label(next.body(), labeler);
        }
    }

    /** Checks that the previous job ended (cancelled or done), then starts a small one and cancels it. */
    private long startAndCancelJob(String researcher, long lastJob) throws InterruptedException {
        if (lastJob >= 0) {
            String status = field(call("GET", "/api/jobs/" + lastJob, researcher, null, 200).body(), "status");
            if (!status.equals("CANCELLED") && !status.equals("SUCCEEDED")) {
                error("job " + lastJob + " ended " + status);
            }
        }
        long job = id(call("POST", "/api/jobs", researcher,
                "{\"type\":\"TOKENIZER\",\"config\":{\"corpus\":\"demo-corpus.txt\",\"algorithm\":\"char\"}}", 201));
        call("POST", "/api/jobs/" + job + "/cancel", researcher, null, 200);
        jobs++;
        return job;
    }

    /** An admin writes and approves a demonstration, and renames the demo labeler. */
    private void writeDemonstration(long project, String admin, long labelerAccount) throws InterruptedException {
        long demo = id(call("POST", "/api/projects/" + project + "/demonstrations", admin,
                "{\"instruction\":\"Name a prime number.\",\"response\":\"7\",\"submit\":true}", 201));
        call("POST", "/api/demonstrations/" + demo + "/review", admin, "{\"approve\":true}", 200);
        call("PATCH", "/api/admin/accounts/" + labelerAccount, admin,
                "{\"displayName\":\"Lee Labeler " + demonstrations + "\"}", 200);
        demonstrations++;
    }

    private void label(String task, String labeler) throws InterruptedException {
        long taskId = longField(task, "taskId");
        List<Long> order = longs(task, "presentedOrder");
        if (random.nextInt(5) == 0) {
            call("POST", "/api/tasks/" + taskId + "/skip", labeler, null, 204);
            skips++;
            return;
        }
        String body = "{\"idempotencyKey\":\"soak-" + taskId + "-" + labeler.hashCode() + "\",\"presentedOrder\":"
                + order + ",\"tiers\":[[" + order.get(0) + "],[" + order.get(1) + "]],\"likert\":{\"" + order.get(0)
                + "\":" + (1 + random.nextInt(7)) + "},\"timeOnTaskMs\":1200}";
        call("POST", "/api/tasks/" + taskId + "/judgments", labeler, body, 201);
        judgments++;
    }

    private void importPrompts(long project, String admin, int count) throws InterruptedException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            long n = ++promptCounter;
            lines.append("{\"prompt\":\"What is ").append(n).append(" + ").append(n)
                    .append("?\",\"responses\":[\"").append(2 * n).append("\",\"").append(2 * n + 1).append("\"]}\n");
        }
        call("POST", "/api/projects/" + project + "/import?format=JSONL&source=soak", admin, lines.toString(), 201);
        imports++;
    }

    private long accountId(String admin, String username) throws InterruptedException {
        String list = call("GET", "/api/admin/accounts", admin, null, 200).body();
        Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"username\":\"" + Pattern.quote(username) + "\"").matcher(list);
        if (!m.find()) {
            throw new IllegalStateException("no account " + username + " in " + list);
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * Sends the request; an answer whose status is not one of {@code expected} (or no answer) counts
     * as an error and throws {@link UnexpectedAnswer}.
     */
    private Answer call(String method, String path, String authorization, String body, int... expected)
            throws InterruptedException {
        requests++;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", authorization);
        if (body != null) {
            request.header("Content-Type", path.contains("/import") ? "application/x-ndjson" : "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (int status : expected) {
                if (response.statusCode() == status) {
                    return new Answer(status, response.body());
                }
            }
            error(method + " " + path + " -> " + response.statusCode() + " " + response.body());
        } catch (IOException e) {
            error(method + " " + path + " -> " + e);
        }
        throw new UnexpectedAnswer(method + " " + path);
    }

    private void error(String what) {
        if (errors++ < 20) {
            System.err.println("soak error: " + what);
        }
    }

    private static long id(Answer answer) {
        return longField(answer.body(), "id");
    }

    // The answers are small and flat where it matters; a regex saves a JSON library on the class path.
    private static long longField(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(-?\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static List<Long> longs(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\[([-0-9,]*)]").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return java.util.Arrays.stream(m.group(1).split(",")).map(Long::parseLong).toList();
    }
}
