package dev.pairwise.app.training;

import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON for config defaults and the headline metrics a checkpoint is registered with. */
final class JsonSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonSupport() {
    }

    /** A JSON object of the finite values (NaN and infinities have no JSON form; they are left out). */
    static String metrics(Map<String, ? extends Number> values) {
        ObjectNode node = JSON.createObjectNode();
        values.forEach((k, v) -> {
            if (v instanceof Integer || v instanceof Long) {
                node.put(k, v.longValue());
            } else if (Double.isFinite(v.doubleValue())) {
                node.put(k, v.doubleValue());
            }
        });
        return node.toString();
    }
}
