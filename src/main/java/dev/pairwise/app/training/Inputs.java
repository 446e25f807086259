package dev.pairwise.app.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.pairwise.app.jobs.ModelRegistry;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.dataset.TrainingDataService;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What every executor reads besides its config: checkpoint folders by registry id, the training
 * data service, and the device to train on (the engine's default: a GPU when DJL sees one).
 */
@Component
class Inputs {

    private final ModelRegistry registry;
    private final TrainingDataService data;

    Inputs(ModelRegistry registry, TrainingDataService data) {
        this.registry = registry;
        this.data = data;
    }

    /** The folder of a registered checkpoint (its kind was checked at submission). */
    Path folder(long checkpointId) {
        return Path.of(registry.get(checkpointId).path());
    }

    TrainingDataService data() {
        return data;
    }

    /**
     * Checks that the project named by {@code projectId} exists.
     *
     * @throws InvalidInputException naming {@code config.projectId}
     */
    void requireProject(long projectId) {
        if (!data.projectExists(projectId)) {
            throw new InvalidInputException("config.projectId", "Project " + projectId + " does not exist");
        }
    }

    /**
     * The dataset snapshot of the pair-trained stages (reward model, DPO): every preference pair of
     * the project, refused when there is none.
     */
    List<Long> pairSnapshot(long projectId) {
        requireProject(projectId);
        List<Long> ids = data.pairIds(projectId);
        if (ids.isEmpty()) {
            throw new InvalidInputException("dataset", "No preference pairs in project " + projectId
                    + " to train on: rank some tasks first");
        }
        return ids;
    }

    static Device device() {
        return Engine.getEngine("PyTorch").defaultDevice();
    }
}
