import dev.pairwise.corpus.lang.LanguageIdentifier;
import dev.pairwise.policy.io.Json;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Lingua on the corpus-cleaning benchmark's documents (issue 14): for every unique English
 * document (u-*) and foreign one (foreign-*), the language and confidence the cleaner's
 * {@link LanguageIdentifier} gives (first 600 characters), in low- or high-accuracy mode, written
 * as TSV for bench/corpus-clean.py langid; and the throughput with 1 and N calling threads with the
 * process's CPU time, to show whether the calls really run in parallel.
 * Usage: java -cp CLASSPATH bench/LanguageIdCheck.java CORPUS.jsonl OUT.tsv low|high THREADS
 */
public class LanguageIdCheck {

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        boolean low = args[2].equals("low");
        int threads = Integer.parseInt(args[3]);
        List<String[]> docs = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                var o = Json.parse(line);
                String id = o.get("id").asString();
                if (id.startsWith("u-") || id.startsWith("foreign-")) {
                    docs.add(new String[] {id, o.get("text").asString()});
                }
            }
        }
        long t0 = System.nanoTime();
        LanguageIdentifier lid = LanguageIdentifier.shared(low);
        System.out.printf(Locale.ROOT, "loaded %s-accuracy models in %.1f s; common pool parallelism %d, %d processors%n",
                args[2], (System.nanoTime() - t0) / 1e9, java.util.concurrent.ForkJoinPool.getCommonPoolParallelism(),
                Runtime.getRuntime().availableProcessors());
        lid.identify("warm up the models with a sentence of English text before measuring anything");
        String[][] results = new String[docs.size()][];
        for (int n : new int[] {1, threads}) {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long w0 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(n);
            List<Future<?>> futures = new ArrayList<>();
            int limit = n == 1 && threads > 1 ? Math.min(docs.size(), 2000) : docs.size();
            for (int t = 0; t < n; t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < limit; i += n) {
                        var g = lid.identify(docs.get(i)[1]);
                        results[i] = new String[] {docs.get(i)[0], g.language(), Double.toString(g.confidence())};
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            double wall = (System.nanoTime() - w0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            long chars = 0;
            for (int i = 0; i < limit; i++) {
                chars += Math.min(LanguageIdentifier.MAX_CHARS, docs.get(i)[1].length());
            }
            System.out.printf(Locale.ROOT, "%d calling thread(s): %d documents in %.1f s = %.0f docs/s, %.0f chars/s; "
                    + "process CPU %.1f s = %.2f cores busy%n", n, limit, wall, limit / wall, chars / wall, cpu, cpu / wall);
            if (n == threads) {
                break;
            }
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8))) {
            for (String[] r : results) {
                out.println(String.join("\t", r));
            }
        }
    }
}
