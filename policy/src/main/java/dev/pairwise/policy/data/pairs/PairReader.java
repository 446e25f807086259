package dev.pairwise.policy.data.pairs;

import dev.pairwise.formats.HhRlhf;
import dev.pairwise.formats.TrlPreference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads preference pairs from JSONL (plain or gzipped), one of these per line:
 * <ul>
 *   <li>HH-RLHF: {@code {"chosen": dialogue, "rejected": dialogue}} (prompt implicit, see {@link HhRlhf});</li>
 *   <li>TRL explicit prompt: {@code {"prompt", "chosen", "rejected"}} as strings or as lists of
 *       {@code {"role","content"}} messages, the reply being the last message of each side
 *       (see {@link TrlPreference}).</li>
 * </ul>
 * Pairs with identical sides and records with an empty side are counted and skipped; anything
 * malformed stops the read with the file, line and field named.
 */
public final class PairReader {

    private PairReader() {
    }

    /** Reads every pair of {@code file}. */
    public static ReadReport<PreferencePair> read(Path file) throws IOException {
        List<PreferencePair> pairs = new ArrayList<>();
        int[] identical = {0};
        int[] empty = {0};
        JsonlFile.read(file, o -> {
            List<Turn> prompt;
            String chosen;
            String rejected;
            if (o.has("prompt")) {
                TrlPreference.Pair p = TrlPreference.read(o);
                prompt = Turn.of(p.prompt());
                chosen = p.chosenReply();
                rejected = p.rejectedReply();
            } else if (isString(o, "chosen") && isString(o, "rejected")) {
                if (o.get("chosen").stringValue().equals(o.get("rejected").stringValue())) {
                    identical[0]++;
                    return;
                }
                HhRlhf.Pair p = HhRlhf.read(o);
                prompt = Turn.of(p.turns());
                chosen = p.chosen();
                rejected = p.rejected();
            } else {
                throw new IllegalArgumentException("expected fields 'chosen' and 'rejected' (and optionally 'prompt')");
            }
            if (chosen.equals(rejected)) {
                identical[0]++;
            } else if (prompt.isEmpty() || prompt.stream().allMatch(t -> t.content().isBlank())
                    || chosen.isBlank() || rejected.isBlank()) {
                empty[0]++;
            } else {
                pairs.add(new PreferencePair(prompt, chosen, rejected));
            }
        });
        return new ReadReport<>(pairs, identical[0], empty[0]);
    }

    private static boolean isString(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v != null && v.isString();
    }
}
