import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of bench/labeling-load.sh: sets up a K=2, overlap-1 project with N imported
 * prompts and C labelers with API tokens (admin API), then runs C concurrent labelers
 * (tasks/next + judgments) for a warm-up and S measured seconds, and prints its figures as
 * "key value" lines for the script. Single file, JDK only: {@code java bench/LabelingLoad.java}.
 *
 * <p>One virtual thread per labeler, each with its own keep-alive HTTP/1.1 connection written and
 * read by {@link Connection} (a request line, four headers, a body; the answer's status, length
 * and body). The generator shares the two cores with the app and PostgreSQL, and the JDK HTTP
 * client spent about 0.6 ms of CPU per request there — a fifth of what the app spent — so the
 * measured loop does without it; setup still uses it.
 *
 * <p>A 204 counts as a false empty when, at the moment it arrives, fewer tasks can be in use than
 * exist: used ≤ acked judgments + tasks held by labelers + next calls still unanswered (each
 * labeler holds at most one task, leases last 30 minutes and nobody skips), so
 * {@code prompts > acked + held + pendingNext} proves an open task existed when the server
 * answered.
 */
public class LabelingLoad {

    private static final Pattern TASK_ID = Pattern.compile("\"taskId\"\\s*:\\s*(\\d+)");
    private static final Pattern ORDER = Pattern.compile("\"presentedOrder\"\\s*:\\s*\\[([0-9,\\s]+)]");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String adminAuth;

    // Load counters, shared by the labeler threads.
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong measuredAcked = new AtomicLong();
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicInteger pendingNext = new AtomicInteger();
    private final AtomicLong falseEmpty = new AtomicLong();
    private final AtomicLong trueEmpty = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final List<String> errorSamples = new ArrayList<>();
    private volatile boolean measuring;
    /** The app's process id, for its CPU over the measured window; -1: not measured. */
    private long appPid = -1;

    LabelingLoad(String base, String adminUser, String adminPassword) {
        this.base = base;
        this.adminAuth = "Basic " + Base64.getEncoder()
                .encodeToString((adminUser + ":" + adminPassword).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = parse(args);
        int labelers = Integer.parseInt(a.getOrDefault("labelers", "64"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "10"));
        int prompts = Integer.parseInt(a.getOrDefault("prompts", "20000"));
        LabelingLoad load = new LabelingLoad(a.getOrDefault("base", "http://127.0.0.1:18080"),
                a.getOrDefault("admin-user", "admin"), require(a, "admin-password"));

        long projectId = load.createProject();
        load.importPrompts(projectId, prompts);
        List<String> tokens = a.containsKey("tokens-file")
                ? Files.readAllLines(Path.of(a.get("tokens-file"))).stream().filter(s -> !s.isBlank()).toList()
                : load.createLabelers(labelers);
        if (tokens.size() < labelers) {
            throw new IllegalStateException("need " + labelers + " labeler tokens, have " + tokens.size());
        }
        System.out.println("project_id " + projectId);
        load.appPid = a.containsKey("app-pid") ? Long.parseLong(a.get("app-pid")) : -1;
        load.run(projectId, tokens.subList(0, labelers), prompts, warmup, seconds);
    }

    private long createProject() throws Exception {
        String name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"name":"%s","guidelines":"Pick the better answer.","k":2,"overlap":1,"randomizeOrder":true,\
                "labelersMayWriteDemos":false,"leaseMinutes":30}""".formatted(name);
        HttpResponse<String> r = send(post("/api/projects", adminAuth, "application/json", body));
        expect(r, 201, "create project");
        return Long.parseLong(first(ID, r.body(), "project id"));
    }

    private void importPrompts(long projectId, int n) throws Exception {
        StringBuilder jsonl = new StringBuilder(n * 120);
        for (int i = 0; i < n; i++) {
            jsonl.append("{\"prompt\":\"Bench prompt ").append(i).append(": explain topic ").append(i % 97)
                    .append(" briefly.\",\"responses\":[\"Answer A to prompt ").append(i)
                    .append(".\",\"Answer B to prompt ").append(i).append(", a little longer.\"]}\n");
        }
        long t0 = System.nanoTime();
        // Setup, not measured: tens of thousands of prompts take longer than a labeling call may.
        HttpResponse<String> r = send(HttpRequest.newBuilder(post("/api/projects/" + projectId
                + "/import?format=JSONL&source=bench", adminAuth, "application/x-ndjson", jsonl.toString()),
                (name, value) -> true).timeout(IMPORT_TIMEOUT).build());
        expect(r, 201, "import");
        System.out.printf(Locale.ROOT, "import_s %.1f%n", (System.nanoTime() - t0) / 1e9);
    }

    /** C accounts with role LABELER and one token each, through the admin API, 8 at a time. */
    private List<String> createLabelers(int n) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<String>> made = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String username = "bench-" + run + "-" + i;
                made.add(pool.submit(() -> {
                    HttpResponse<String> acc = send(post("/api/admin/accounts", adminAuth, "application/json",
                            "{\"username\":\"" + username + "\",\"roles\":[\"LABELER\"]}"));
                    expect(acc, 201, "create account " + username);
                    String id = first(ID, acc.body(), "account id");
                    HttpResponse<String> tok = send(post("/api/admin/accounts/" + id + "/tokens", adminAuth,
                            "application/json", "{\"name\":\"bench\"}"));
                    expect(tok, 201, "create token for " + username);
                    return first(TOKEN, tok.body(), "token");
                }));
            }
            List<String> tokens = new ArrayList<>();
            for (Future<String> f : made) {
                tokens.add(f.get());
            }
            return tokens;
        }
    }

    private void run(long projectId, List<String> tokens, int prompts, int warmupS, int seconds) throws Exception {
        int c = tokens.size();
        long[][] nextLat = new long[c][];
        long[][] submitLat = new long[c][];
        int[] nextCount = new int[c];
        int[] submitCount = new int[c];
        long start = System.nanoTime();
        System.err.printf(Locale.ROOT, "phase load %.3f warmup %d measured %d%n", System.currentTimeMillis() / 1e3, warmupS, seconds);
        long measureFrom = start + warmupS * 1_000_000_000L;
        long deadline = measureFrom + seconds * 1_000_000_000L;
        long[] lastEnd = new long[c];
        WindowCpu.Window cpu = appPid > 0 ? WindowCpu.window(appPid, measureFrom, deadline) : null;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < c; i++) {
                int me = i;
                nextLat[me] = new long[4096];
                submitLat[me] = new long[4096];
                threads.submit(() -> {
                    try (Labeler l = new Labeler(projectId, "Bearer " + tokens.get(me), prompts)) {
                        while (System.nanoTime() < deadline) {
                            if (!measuring && System.nanoTime() >= measureFrom) {
                                measuring = true;
                            }
                            boolean counted = measuring;
                            long t0 = System.nanoTime();
                            String task = l.next();
                            long t1 = System.nanoTime();
                            if (counted) {
                                nextLat[me] = add(nextLat[me], nextCount[me]++, t1 - t0);
                            }
                            if (task == null) {
                                if (l.done) {
                                    break;
                                }
                                sleepQuietly(20); // an error or a false empty: try again shortly
                                continue;
                            }
                            boolean ok = l.submit(task);
                            long t2 = System.nanoTime();
                            if (counted) {
                                submitLat[me] = add(submitLat[me], submitCount[me]++, t2 - t1);
                                if (ok) {
                                    measuredAcked.incrementAndGet();
                                }
                            }
                        }
                    }
                    lastEnd[me] = System.nanoTime();
                    return null;
                });
            }
        }
        long end = Arrays.stream(lastEnd).max().orElse(deadline);
        double measuredS = (Math.max(end, deadline) - measureFrom) / 1e9;
        long[] next = merge(nextLat, nextCount);
        long[] submit = merge(submitLat, submitCount);
        System.out.printf(Locale.ROOT, "judgments_per_s %.1f%n", measuredAcked.get() / measuredS);
        System.out.printf(Locale.ROOT, "measured_s %.2f%n", measuredS);
        System.out.printf(Locale.ROOT, "next_p50_ms %.1f%nnext_p99_ms %.1f%n", pct(next, 50), pct(next, 99));
        System.out.printf(Locale.ROOT, "submit_p50_ms %.1f%nsubmit_p99_ms %.1f%n", pct(submit, 50), pct(submit, 99));
        System.out.println("next_calls " + next.length);
        if (cpu != null && cpu.done()) {
            System.out.printf(Locale.ROOT, "app_cpu_s %.2f%napp_jit_cpu_s %.2f%npostgres_cpu_s %.2f%n",
                    cpu.seconds(WindowCpu.APP), cpu.seconds(WindowCpu.JIT), cpu.seconds(WindowCpu.POSTGRES));
            System.out.println("acked_measured " + measuredAcked.get());
        }
        System.out.println("false_empty " + falseEmpty.get());
        System.out.println("true_empty " + trueEmpty.get());
        System.out.println("errors " + errors.get());
        System.out.println("acked " + acked.get());
        synchronized (errorSamples) {
            for (String s : errorSamples) {
                System.out.println("error_sample " + s.replace('\n', ' '));
            }
        }
    }

    /** One labeler's client: lease, rank (a random order), submit with a fresh idempotency key. */
    private final class Labeler implements AutoCloseable {
        private final long projectId;
        private final String auth;
        private final int prompts;
        private final Connection http = new Connection(URI.create(base));
        private boolean done;

        Labeler(long projectId, String auth, int prompts) {
            this.projectId = projectId;
            this.auth = auth;
            this.prompts = prompts;
        }

        @Override
        public void close() {
            http.close();
        }

        /** The leased task's submit body, or null (204 or an error). */
        String next() {
            pendingNext.incrementAndGet();
            Connection.Answer r;
            try {
                r = http.post("/api/projects/" + projectId + "/tasks/next", auth, "");
            } catch (Exception e) {
                pendingNext.decrementAndGet();
                error("next: " + e);
                return null;
            }
            if (r.statusCode() == 200) {
                held.incrementAndGet();
                pendingNext.decrementAndGet();
                String id = first(TASK_ID, r.body(), "taskId");
                List<String> order = Arrays.stream(first(ORDER, r.body(), "presentedOrder").split(","))
                        .map(String::strip).toList();
                List<String> tiers = new ArrayList<>(order);
                if (ThreadLocalRandom.current().nextBoolean()) {
                    java.util.Collections.reverse(tiers);
                }
                return id + "|{\"idempotencyKey\":\"" + UUID.randomUUID() + "\",\"presentedOrder\":["
                        + String.join(",", order) + "],\"tiers\":[" + String.join(",",
                        tiers.stream().map(t -> "[" + t + "]").toList()) + "],\"timeOnTaskMs\":1500}";
            }
            if (r.statusCode() == 204) {
                // Read the counters before this call leaves pendingNext: it leased nothing.
                long used = acked.get() + held.get() + pendingNext.get() - 1;
                pendingNext.decrementAndGet();
                if (used < prompts) {
                    falseEmpty.incrementAndGet();
                } else {
                    trueEmpty.incrementAndGet();
                    done = true;
                }
                return null;
            }
            pendingNext.decrementAndGet();
            error("next: HTTP " + r.statusCode() + " " + r.body());
            return null;
        }

        boolean submit(String task) {
            int bar = task.indexOf('|');
            String taskId = task.substring(0, bar);
            try {
                Connection.Answer r = http.post("/api/tasks/" + taskId + "/judgments", auth, task.substring(bar + 1));
                if (r.statusCode() == 201 || r.statusCode() == 200) {
                    acked.incrementAndGet(); // before held drops, so acked + held never dips
                    held.decrementAndGet();
                    return true;
                }
                held.decrementAndGet();
                error("submit: HTTP " + r.statusCode() + " " + r.body());
            } catch (Exception e) {
                held.decrementAndGet();
                error("submit: " + e);
            }
            return false;
        }
    }

    /**
     * CPU seconds over the measured window of the app's threads, of its JIT compiler threads
     * among them, and of PostgreSQL's processes, read from {@code /proc} (Linux). Why: C2 compiles
     * the request path for the first ~30 s of load (it took half a core then, and the request
     * threads themselves ran 30% slower than once compiled); a window that still contains that
     * measures the JVM's warm-up, not the labeling service, and this says so in every run. The
     * database's share says which side a judgment's CPU goes to.
     */
    private static final class WindowCpu {
        /** USER_HZ, the unit of utime and stime in /proc: 100 on Linux unless the kernel says else. */
        private static final double TICKS_PER_S = 100;
        private static final int APP = 0;
        private static final int JIT = 1;
        private static final int POSTGRES = 2;

        record Window(Thread reader, long[] start, long[] end) {
            boolean done() {
                try {
                    reader.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                return start[APP] >= 0 && end[APP] >= 0;
            }

            double seconds(int what) {
                return (end[what] - start[what]) / TICKS_PER_S;
            }
        }

        /** Reads the CPU at {@code from} and at {@code to} (System.nanoTime) on a thread of its own. */
        static Window window(long appPid, long from, long to) {
            long[] start = {-1, -1, -1};
            long[] end = {-1, -1, -1};
            Thread reader = Thread.ofPlatform().daemon().name("window-cpu").start(() -> {
                sleepUntil(from);
                System.arraycopy(read(appPid), 0, start, 0, 3);
                sleepUntil(to);
                System.arraycopy(read(appPid), 0, end, 0, 3);
            });
            return new Window(reader, start, end);
        }

        /** {app ticks, its JIT compiler threads' ticks, PostgreSQL's ticks}; -1 where unreadable. */
        private static long[] read(long appPid) {
            long[] ticks = {0, 0, 0};
            try (var tasks = Files.list(Path.of("/proc", Long.toString(appPid), "task"))) {
                for (Path t : tasks.toList()) {
                    long v = ticks(t);
                    ticks[APP] += v;
                    if (name(t).matches("C[12] CompilerThre.*")) {
                        ticks[JIT] += v;
                    }
                }
            } catch (IOException e) {
                return new long[] {-1, -1, -1};
            }
            // PostgreSQL: one process per session, plus its background processes. The pool's
            // sessions live through the window; an autovacuum worker that ends inside it is not
            // counted, so this is a lower bound.
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    if (name(p).equals("postgres")) {
                        ticks[POSTGRES] += ticks(p);
                    }
                }
            } catch (IOException e) {
                ticks[POSTGRES] = -1;
            }
            return ticks;
        }

        /** utime + stime of a process or thread; 0 for one that ended between listing and reading. */
        private static long ticks(Path proc) {
            try {
                String stat = Files.readString(proc.resolve("stat"));
                // the fields after the ")" that closes the name: state is 0, utime 11, stime 12
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException gone) {
                return 0;
            }
        }

        private static String name(Path proc) {
            try {
                return Files.readString(proc.resolve("comm")).strip();
            } catch (IOException gone) {
                return "";
            }
        }

        private static void sleepUntil(long nanoTime) {
            long ms = (nanoTime - System.nanoTime()) / 1_000_000;
            if (ms > 0) {
                sleepQuietly(ms);
            }
        }
    }

    /**
     * One keep-alive HTTP/1.1 connection: POSTs a JSON body and reads the answer (Content-Length or
     * chunked). Reconnects once when the server closed the connection between requests.
     */
    private static final class Connection implements AutoCloseable {

        record Answer(int statusCode, String body) {
        }

        private final String host;
        private final int port;
        private java.net.Socket socket;
        private java.io.BufferedInputStream in;
        private java.io.OutputStream out;

        Connection(URI base) {
            this.host = base.getHost();
            this.port = base.getPort() < 0 ? 80 : base.getPort();
        }

        Answer post(String path, String auth, String body) throws IOException {
            byte[] payload = body.getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: " + auth
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                    + payload.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            boolean fresh = socket == null;
            try {
                return exchange(head, payload);
            } catch (IOException e) {
                close();
                if (fresh) {
                    throw e;
                }
                return exchange(head, payload); // the server closed an idle keep-alive connection
            }
        }

        private Answer exchange(byte[] head, byte[] payload) throws IOException {
            if (socket == null) {
                socket = new java.net.Socket(host, port);
                socket.setTcpNoDelay(true);
                socket.setSoTimeout((int) REQUEST_TIMEOUT.toMillis());
                in = new java.io.BufferedInputStream(socket.getInputStream(), 16384);
                out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16384);
            }
            out.write(head);
            out.write(payload);
            out.flush();
            String status = line();
            if (status.isEmpty()) {
                throw new IOException("connection closed by the server");
            }
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean closes = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                String name = h.substring(0, colon).strip();
                String value = h.substring(colon + 1).strip();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Integer.parseInt(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    closes = value.equalsIgnoreCase("close");
                }
            }
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].strip(), 16); size > 0;
                     size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                body.write(in.readNBytes(length));
            }
            if (closes) {
                close();
            }
            return new Answer(code, body.toString(StandardCharsets.UTF_8));
        }

        /** One header line without its CRLF; empty at the blank line (or at the end of the stream). */
        private String line() throws IOException {
            StringBuilder b = new StringBuilder(64);
            for (int c = in.read(); c != -1; c = in.read()) {
                if (c == '\n') {
                    int n = b.length();
                    return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
                }
                b.append((char) c);
            }
            return b.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }

    private void error(String what) {
        errors.incrementAndGet();
        synchronized (errorSamples) {
            if (errorSamples.size() < 5) {
                errorSamples.add(what.length() > 300 ? what.substring(0, 300) : what);
            }
        }
    }

    private HttpRequest post(String path, String auth, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", auth).header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }

    private static String first(Pattern p, String body, String what) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + what + " in " + body);
        }
        return m.group(1);
    }

    private static long[] add(long[] a, int at, long v) {
        long[] out = at < a.length ? a : Arrays.copyOf(a, a.length * 2);
        out[at] = v;
        return out;
    }

    private static long[] merge(long[][] parts, int[] counts) {
        int n = Arrays.stream(counts).sum();
        long[] all = new long[n];
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            System.arraycopy(parts[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        return all;
    }

    /** The p-th percentile in milliseconds (nearest rank); 0 for no samples. */
    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> out = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
            }
            out.put(args[i].substring(2), args[++i]);
        }
        return out;
    }

    private static String require(Map<String, String> a, String key) {
        String v = a.get(key);
        if (v == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }
}
