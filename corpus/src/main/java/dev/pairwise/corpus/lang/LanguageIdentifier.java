package dev.pairwise.corpus.lang;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ForkJoinPool;

/**
 * Language identification with Lingua (Peter M. Stahl's n-gram detector, all 75 languages it
 * knows): the most likely language of a text and Lingua's confidence in it (Lingua ≥ 1.2 gives a
 * softmax over languages, so the confidences of one text sum to 1).
 *
 * <p>Lingua's models take hundreds of MB once loaded, so one detector is shared by every thread of
 * a JVM ({@link #shared}): on a Flink TaskManager all parallel instances of the language stage use
 * the same one. Only the first {@value #MAX_CHARS} characters are read — several sentences, enough
 * for a confident guess — because Lingua's cost grows with the text: on this machine it reads about
 * 65,000 characters a second per core in low-accuracy mode, the slowest stage of the pipeline.
 * Lingua scores the 75 languages of one text in parallel on the JVM's common fork-join pool,
 * which {@link #shared} widens to one worker per processor (see {@link #widenCommonPool}).
 */
public final class LanguageIdentifier {

    /** Characters of a document the detector reads. */
    public static final int MAX_CHARS = 600;
    /** The language code of a text Lingua cannot place (no letters, say). */
    public static final String UNKNOWN = "unknown";

    private static volatile LanguageIdentifier high;
    private static volatile LanguageIdentifier low;

    private final LanguageDetector detector;

    private LanguageIdentifier(boolean lowAccuracy) {
        LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromAllLanguages();
        detector = (lowAccuracy ? builder.withLowAccuracyMode() : builder).build();
    }

    /**
     * The JVM's detector. High accuracy uses Lingua's 1- to 5-gram models (best on short texts);
     * low accuracy only trigrams (about a fifth of the memory, faster; as good on paragraphs).
     */
    public static LanguageIdentifier shared(boolean lowAccuracy) {
        widenCommonPool();
        if (lowAccuracy) {
            if (low == null) {
                synchronized (LanguageIdentifier.class) {
                    if (low == null) {
                        low = new LanguageIdentifier(true);
                    }
                }
            }
            return low;
        }
        if (high == null) {
            synchronized (LanguageIdentifier.class) {
                if (high == null) {
                    high = new LanguageIdentifier(false);
                }
            }
        }
        return high;
    }

    /**
     * Makes the common fork-join pool as wide as the machine. Every Lingua call hands its 75
     * per-language tasks to that pool and waits for them; the JDK sizes the pool at processors − 1,
     * so on two cores one worker did all the language identification while Flink's parallel task
     * threads only waited (measured: one thread busy, the task threads idle). With a worker per
     * processor the stage's parallelism is real. Only ever widens; a pool fixed at 0 workers by
     * {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=0} is left alone.
     *
     * @return the common pool's parallelism afterwards
     */
    static int widenCommonPool() {
        ForkJoinPool pool = ForkJoinPool.commonPool();
        int processors = Runtime.getRuntime().availableProcessors();
        synchronized (LanguageIdentifier.class) {
            if (pool.getParallelism() < processors) {
                try {
                    pool.setParallelism(processors);
                } catch (UnsupportedOperationException fixedByProperty) {
                    // the JVM was started with the common pool switched off; callers then run the tasks themselves
                }
            }
        }
        return pool.getParallelism();
    }

    /** A guess: ISO 639-1 code (lower case) or {@value #UNKNOWN}, and Lingua's confidence in it. */
    public record Guess(String language, double confidence) {
    }

    /** The most likely language of the first {@value #MAX_CHARS} characters of {@code text}. */
    public Guess identify(String text) {
        String head = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        SortedMap<Language, Double> values = detector.computeLanguageConfidenceValues(head);
        if (values.isEmpty()) {
            return new Guess(UNKNOWN, 0);
        }
        Map.Entry<Language, Double> best = null;
        for (Map.Entry<Language, Double> e : values.entrySet()) {
            if (best == null || e.getValue() > best.getValue()) {
                best = e;
            }
        }
        if (best.getKey() == Language.UNKNOWN) {
            return new Guess(UNKNOWN, 0);
        }
        return new Guess(best.getKey().getIsoCode639_1().toString().toLowerCase(Locale.ROOT), best.getValue());
    }
}
