package dev.pairwise.corpus;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * What a cleaning run did: documents in and out, removals per stage with the earliest examples,
 * removals per quality rule, the duplicate cluster sizes (size → number of clusters), the language
 * histogram of all documents read, the perplexity threshold, PII replacements, and the settings.
 * {@link #toJson} is {@code report.json}; {@link #summaryLine} the command's one line.
 *
 * @param stages   one entry per stage that ran, in pipeline order
 * @param engine   where it ran: {@code flink-embedded (parallelism N)} or {@code flink-remote host:port}
 */
public record CleanReport(long docsIn, long docsOut, long exactDuplicates, long nearDuplicates, long languageRemoved,
                          long qualityRemoved, long perplexityRemoved, long piiReplaced, long piiDocuments,
                          long perplexityScored, double perplexityThreshold, List<Stage> stages,
                          SortedMap<String, Long> qualityRules, SortedMap<String, Long> languages,
                          SortedMap<String, Long> exactClusterSizes, SortedMap<String, Long> nearClusterSizes,
                          CleanConfig settings, String engine, double seconds) {

    /** One stage: how many documents it removed, and examples of them. */
    public record Stage(String name, long removed, List<Example> examples) {
    }

    /** A removed document: id, the start of its text, the reason. */
    public record Example(String id, String text, String reason) {
    }

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    /** The one JSON line the command prints: the headline counts and the time. */
    public String summaryLine() {
        return String.format(Locale.ROOT, "{\"docs_in\":%d,\"docs_out\":%d,\"exact_duplicates\":%d,"
                        + "\"near_duplicates\":%d,\"language_removed\":%d,\"quality_removed\":%d,"
                        + "\"perplexity_removed\":%d,\"pii_replaced\":%d,\"seconds\":%.3f}",
                docsIn, docsOut, exactDuplicates, nearDuplicates, languageRemoved, qualityRemoved, perplexityRemoved,
                piiReplaced, seconds);
    }

    /** {@code report.json}: pretty-printed, snake-case names. */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("docs_in", docsIn);
        o.addProperty("docs_out", docsOut);
        o.addProperty("exact_duplicates", exactDuplicates);
        o.addProperty("near_duplicates", nearDuplicates);
        o.addProperty("language_removed", languageRemoved);
        o.addProperty("quality_removed", qualityRemoved);
        o.addProperty("perplexity_removed", perplexityRemoved);
        o.addProperty("pii_replaced", piiReplaced);
        o.addProperty("pii_documents", piiDocuments);
        o.addProperty("seconds", Math.round(seconds * 1000) / 1000.0);
        o.addProperty("engine", engine);
        JsonArray stageArray = new JsonArray();
        for (Stage s : stages) {
            JsonObject so = new JsonObject();
            so.addProperty("stage", s.name());
            so.addProperty("removed", s.removed());
            so.add("examples", GSON.toJsonTree(s.examples()));
            stageArray.add(so);
        }
        o.add("stages", stageArray);
        o.add("quality_rules", GSON.toJsonTree(qualityRules));
        o.add("language_histogram", GSON.toJsonTree(languages));
        o.add("exact_duplicate_cluster_sizes", GSON.toJsonTree(exactClusterSizes));
        o.add("near_duplicate_cluster_sizes", GSON.toJsonTree(nearClusterSizes));
        JsonObject ppl = new JsonObject();
        ppl.addProperty("scored", perplexityScored);
        if (settings.perplexityCheckpoint() != null) {
            ppl.addProperty("keep_percentile", settings.perplexityKeepPercent());
            ppl.addProperty("threshold", perplexityThreshold);
        }
        o.add("perplexity", ppl);
        o.add("settings", settingsJson());
        return GSON.toJson(o);
    }

    private JsonObject settingsJson() {
        CleanConfig c = settings;
        JsonObject s = new JsonObject();
        s.add("inputs", GSON.toJsonTree(c.inputs()));
        s.addProperty("output", c.output());
        JsonObject lang = new JsonObject();
        lang.addProperty("enabled", !c.languages().isEmpty());
        lang.add("keep", GSON.toJsonTree(c.languages()));
        lang.addProperty("min_confidence", c.minLanguageConfidence());
        lang.addProperty("high_accuracy", c.languageHighAccuracy());
        s.add("language", lang);
        JsonObject quality = new JsonObject();
        quality.addProperty("enabled", c.quality());
        for (Map.Entry<String, Number> e : c.thresholds().asMap().entrySet()) {
            quality.addProperty(e.getKey(), e.getValue());
        }
        s.add("quality", quality);
        JsonObject exact = new JsonObject();
        exact.addProperty("enabled", c.exactDedup());
        exact.addProperty("normal_form", "NFC, lower case, white space folded; SHA-256/128");
        s.add("exact_dedup", exact);
        JsonObject near = new JsonObject();
        near.addProperty("enabled", c.nearDedup());
        near.addProperty("threshold", c.nearDupThreshold());
        near.addProperty("permutations", c.permutations());
        near.addProperty("bands", c.bands().bands());
        near.addProperty("rows", c.bands().rows());
        near.addProperty("verified", "each candidate pair: Jaccard estimated from 8-bit MinHash sketches >= threshold");
        near.addProperty("shingle_words", c.shingleWords());
        near.addProperty("seed", c.seed());
        s.add("near_dedup", near);
        JsonObject ppl = new JsonObject();
        ppl.addProperty("enabled", c.perplexityCheckpoint() != null);
        ppl.addProperty("checkpoint", c.perplexityCheckpoint());
        ppl.addProperty("keep_percentile", c.perplexityKeepPercent());
        ppl.addProperty("max_tokens", c.perplexityMaxTokens());
        s.add("perplexity", ppl);
        JsonObject pii = new JsonObject();
        pii.addProperty("enabled", c.pii());
        s.add("pii", pii);
        return s;
    }
}
