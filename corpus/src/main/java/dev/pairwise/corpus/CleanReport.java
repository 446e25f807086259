package dev.pairwise.corpus;

import dev.pairwise.policy.io.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

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
        ObjectNode o = Json.object();
        o.put("docs_in", docsIn);
        o.put("docs_out", docsOut);
        o.put("exact_duplicates", exactDuplicates);
        o.put("near_duplicates", nearDuplicates);
        o.put("language_removed", languageRemoved);
        o.put("quality_removed", qualityRemoved);
        o.put("perplexity_removed", perplexityRemoved);
        o.put("pii_replaced", piiReplaced);
        o.put("pii_documents", piiDocuments);
        o.put("seconds", Math.round(seconds * 1000) / 1000.0);
        o.put("engine", engine);
        ArrayNode stageArray = Json.array();
        for (Stage s : stages) {
            ObjectNode so = Json.object();
            so.put("stage", s.name());
            so.put("removed", s.removed());
            so.set("examples", tree(s.examples()));
            stageArray.add(so);
        }
        o.set("stages", stageArray);
        o.set("quality_rules", tree(qualityRules));
        o.set("language_histogram", tree(languages));
        o.set("exact_duplicate_cluster_sizes", tree(exactClusterSizes));
        o.set("near_duplicate_cluster_sizes", tree(nearClusterSizes));
        ObjectNode ppl = Json.object();
        ppl.put("scored", perplexityScored);
        if (settings.perplexityCheckpoint() != null) {
            ppl.put("keep_percentile", settings.perplexityKeepPercent());
            ppl.put("threshold", perplexityThreshold);
        }
        o.set("perplexity", ppl);
        o.set("settings", settingsJson());
        return Json.pretty(o);
    }

    private ObjectNode settingsJson() {
        CleanConfig c = settings;
        ObjectNode s = Json.object();
        s.set("inputs", tree(c.inputs()));
        s.put("output", c.output());
        ObjectNode lang = Json.object();
        lang.put("enabled", !c.languages().isEmpty());
        lang.set("keep", tree(c.languages()));
        lang.put("min_confidence", c.minLanguageConfidence());
        lang.put("high_accuracy", c.languageHighAccuracy());
        s.set("language", lang);
        ObjectNode quality = Json.object();
        quality.put("enabled", c.quality());
        for (Map.Entry<String, Number> e : c.thresholds().asMap().entrySet()) {
            quality.set(e.getKey(), tree(e.getValue()));
        }
        s.set("quality", quality);
        ObjectNode exact = Json.object();
        exact.put("enabled", c.exactDedup());
        exact.put("normal_form", "NFC, lower case, white space folded; SHA-256/128");
        s.set("exact_dedup", exact);
        ObjectNode near = Json.object();
        near.put("enabled", c.nearDedup());
        near.put("threshold", c.nearDupThreshold());
        near.put("permutations", c.permutations());
        near.put("bands", c.bands().bands());
        near.put("rows", c.bands().rows());
        near.put("verified", "each candidate pair: Jaccard estimated from 8-bit MinHash sketches >= threshold");
        near.put("shingle_words", c.shingleWords());
        near.put("seed", c.seed());
        s.set("near_dedup", near);
        ObjectNode ppl = Json.object();
        ppl.put("enabled", c.perplexityCheckpoint() != null);
        ppl.put("checkpoint", c.perplexityCheckpoint());
        ppl.put("keep_percentile", c.perplexityKeepPercent());
        ppl.put("max_tokens", c.perplexityMaxTokens());
        s.set("perplexity", ppl);
        ObjectNode pii = Json.object();
        pii.put("enabled", c.pii());
        s.set("pii", pii);
        return s;
    }

    private static JsonNode tree(Object value) {
        return Json.MAPPER.valueToTree(value);
    }
}
