package dev.pairwise.app.ui.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** A checkpoint's headline metrics (a JSON object) as flat name → text, for grids and comparisons. */
final class Metrics {

    private Metrics() {
    }

    /** Nested objects flattened with dots ({@code eval.accuracy}), numbers to four significant digits. */
    static Map<String, String> flat(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            JsonNode node = ConfigJson.JSON.readTree(json);
            if (node != null && node.isObject()) {
                flatten("", node, out);
            }
        } catch (JacksonException e) {
            out.put("metrics", json);
        }
        return out;
    }

    /** The first few metrics as {@code name=value, ...} for a grid cell. */
    static String headline(String json) {
        Map<String, String> all = flat(json);
        String shown = all.entrySet().stream().limit(4).map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return all.size() > 4 ? shown + ", …" : shown.isEmpty() ? "–" : shown;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String name = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                flatten(name + ".", v, out);
            } else if (v.isIntegralNumber()) {
                // counts in full, as the job log writes them ("139,840 parameters"), not rounded
                out.put(name, String.format(java.util.Locale.ROOT, "%,d", v.longValue()));
            } else if (v.isNumber()) {
                out.put(name, LineChart.format(v.doubleValue()));
            } else if (v.isString()) {
                out.put(name, v.stringValue());
            } else {
                out.put(name, v.toString());
            }
        }
    }
}
