package dev.pairwise.app.jobs;

import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.labeling.InvalidInputException;
import java.util.List;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The checkpoints a job starts from: its {@link ConfigField.Kind#CHECKPOINT} fields, each taking
 * the kinds its declaration lists ({@link ConfigField#options()}). Checked at submission, after the
 * fields' own checks (an id, present when required), so a job never starts on a missing
 * checkpoint or one of the wrong kind (a reward model given as the policy to tune, say).
 */
final class CheckpointInputs {

    private CheckpointInputs() {
    }

    /**
     * @param lookup registry id → checkpoint, or null when there is none
     * @throws InvalidInputException naming {@code config.<field>}
     */
    static void check(List<ConfigField> fields, JobSettings settings, LongFunction<@Nullable CheckpointView> lookup) {
        for (ConfigField f : fields) {
            @Nullable Long id = f.kind() == ConfigField.Kind.CHECKPOINT ? settings.id(f.name()) : null;
            if (id == null) {
                continue;
            }
            CheckpointView checkpoint = lookup.apply(id);
            if (checkpoint == null) {
                throw new InvalidInputException("config." + f.name(), "Checkpoint " + id + " does not exist");
            }
            if (!f.options().contains(checkpoint.kind().name())) {
                throw new InvalidInputException("config." + f.name(), "Checkpoint " + id + " (" + checkpoint.name()
                        + ") is a " + checkpoint.kind() + " checkpoint; " + f.name() + " takes "
                        + String.join(" or ", f.options()));
            }
        }
    }
}
