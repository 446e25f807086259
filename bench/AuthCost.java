import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What authentication costs per request: THREADS clients send GET PATH for SECONDS with one
 * Authorization header, then with the next, alternating for ROUNDS rounds; prints one JSON line
 * with requests/s (median of the rounds), p50/p99 latency and non-200 answers per scheme.
 *
 * <pre>java bench/AuthCost.java URL PATH SECONDS THREADS ROUNDS NAME=HEADER [NAME=HEADER ...]</pre>
 * Started by bench/auth-cost.sh, which runs the app and makes the credentials.
 */
public class AuthCost {

    record Round(double perSecond, long requests, long errors, double p50Ms, double p99Ms) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: java bench/AuthCost.java URL PATH SECONDS THREADS ROUNDS NAME=HEADER...");
            System.exit(2);
        }
        URI uri = URI.create(args[0] + args[1]);
        Duration seconds = Duration.ofSeconds(Long.parseLong(args[2]));
        int threads = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        Map<String, String> schemes = new LinkedHashMap<>();
        for (String arg : Arrays.copyOfRange(args, 5, args.length)) {
            schemes.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, List<Round>> results = new LinkedHashMap<>();
        for (var scheme : schemes.entrySet()) {
            run(http, uri, scheme.getValue(), Duration.ofSeconds(2), threads); // warm-up
            results.put(scheme.getKey(), new ArrayList<>());
        }
        for (int r = 0; r < rounds; r++) {
            for (var scheme : schemes.entrySet()) {
                results.get(scheme.getKey()).add(run(http, uri, scheme.getValue(), seconds, threads));
            }
        }
        StringBuilder json = new StringBuilder("{\"path\":\"" + args[1] + "\",\"threads\":" + threads
                + ",\"seconds_per_round\":" + seconds.toSeconds() + ",\"rounds\":" + rounds);
        for (var e : results.entrySet()) {
            List<Round> list = e.getValue();
            double[] rates = list.stream().mapToDouble(Round::perSecond).sorted().toArray();
            json.append(",\"").append(e.getKey()).append("\":{\"requests_per_s\":")
                    .append(round(rates[rates.length / 2]))
                    .append(",\"rounds_per_s\":").append(list.stream().map(x -> String.valueOf(round(x.perSecond()))).toList())
                    .append(",\"p50_ms\":").append(round(list.getLast().p50Ms()))
                    .append(",\"p99_ms\":").append(round(list.getLast().p99Ms()))
                    .append(",\"requests\":").append(list.stream().mapToLong(Round::requests).sum())
                    .append(",\"errors\":").append(list.stream().mapToLong(Round::errors).sum()).append('}');
        }
        System.out.println(json.append('}'));
    }

    private static double round(double x) {
        return Math.round(x * 10) / 10.0;
    }

    private static Round run(HttpClient http, URI uri, String authorization, Duration length, int threads)
            throws Exception {
        long end = System.nanoTime() + length.toNanos();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                long errors = 0;
                HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", authorization).GET().build();
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    latencies.add(System.nanoTime() - t0);
                    if (response.statusCode() != 200) {
                        errors++;
                    }
                }
                long[] out = new long[latencies.size() + 1];
                out[0] = errors;
                for (int i = 0; i < latencies.size(); i++) {
                    out[i + 1] = latencies.get(i);
                }
                return out;
            }));
        }
        List<Long> all = new ArrayList<>();
        long errors = 0;
        for (Future<long[]> f : futures) {
            long[] out = f.get();
            errors += out[0];
            for (int i = 1; i < out.length; i++) {
                all.add(out[i]);
            }
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        all.sort(null);
        double p50 = all.isEmpty() ? 0 : all.get(all.size() / 2) / 1e6;
        double p99 = all.isEmpty() ? 0 : all.get(Math.min(all.size() - 1, (int) (all.size() * 0.99))) / 1e6;
        return new Round(all.size() / elapsed, all.size(), errors, p50, p99);
    }
}
