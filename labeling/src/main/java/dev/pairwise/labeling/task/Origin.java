package dev.pairwise.labeling.task;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a response came from: the seam between labeling and training. A MODEL response names
 * its checkpoint and the sampling settings (JSON) that drew it, so a reward model or a policy
 * update can tell on-policy samples from imported or human ones.
 *
 * @param kind     IMPORTED, HUMAN or MODEL
 * @param model    checkpoint name (MODEL), source file or dataset (IMPORTED), null for HUMAN
 * @param settings sampling settings as a JSON object, e.g. {"temperature":0.7,"top_p":0.9}; may be null
 */
public record Origin(OriginKind kind, @Nullable String model, @Nullable String settings) {

    public Origin {
        Objects.requireNonNull(kind, "kind");
    }

    public static Origin imported(String source) {
        return new Origin(OriginKind.IMPORTED, source, null);
    }

    public static Origin human() {
        return new Origin(OriginKind.HUMAN, null, null);
    }

    public static Origin model(String checkpoint, @Nullable String samplingSettingsJson) {
        return new Origin(OriginKind.MODEL, checkpoint, samplingSettingsJson);
    }
}
