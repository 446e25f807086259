package dev.pairwise.app.registry;

import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model registry: every checkpoint with its kind, parent, the job that made
 * it (and so its dataset snapshot) and headline metrics. Rows are written once.
 */
@Service
public class ModelRegistry {

    /**
     * Jackson's defaults on purpose, not the shared {@code policy.io.Json}: that one reads bare NaN
     * and Infinity, which have no JSON form. Stored metrics are served as JSON by the API
     * ({@code CheckpointsController} parses them with a default mapper) and read by browsers, so the
     * registry lets in standard JSON only, as the executors write it ({@code JsonSupport.metrics}
     * leaves non-finite values out).
     */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ModelCheckpointRepository checkpoints;
    private final Clock clock;

    ModelRegistry(ModelCheckpointRepository checkpoints, Clock clock) {
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /**
     * Registers a checkpoint.
     *
     * @throws InvalidInputException naming the field at fault; nothing is stored then
     */
    @Transactional
    public CheckpointView register(NewCheckpoint c) {
        String name = c.name() == null ? "" : c.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidInputException("name", "A checkpoint needs a name of 1 to 200 characters");
        }
        if (checkpoints.existsByName(name)) {
            throw new InvalidInputException("name", "The name " + name + " is taken");
        }
        if (c.kind() == null) {
            throw new InvalidInputException("kind", "Choose the checkpoint's kind");
        }
        String path = c.path() == null ? "" : c.path().strip();
        if (path.isEmpty() || path.length() > 1000) {
            throw new InvalidInputException("path", "A checkpoint needs its folder (1 to 1000 characters)");
        }
        if (c.parentId() != null && !checkpoints.existsById(c.parentId())) {
            throw new InvalidInputException("parentId", "Checkpoint " + c.parentId() + " does not exist");
        }
        if (c.jobId() != null && checkpoints.countJobs(c.jobId()) == 0) {
            throw new InvalidInputException("jobId", "Job " + c.jobId() + " does not exist");
        }
        String metrics = metrics(c.metrics());
        return checkpoints.save(new ModelCheckpoint(name, c.kind(), path, c.parentId(), c.jobId(), metrics,
                clock.instant())).view();
    }

    @Transactional(readOnly = true)
    public CheckpointView get(long id) {
        return find(id).orElseThrow(() -> NotFoundException.of("id", "Checkpoint", id));
    }

    @Transactional(readOnly = true)
    public Optional<CheckpointView> find(long id) {
        return checkpoints.findById(id).map(ModelCheckpoint::view);
    }

    /** The checkpoint registered under {@code name} (names are unique, and never change). */
    @Transactional(readOnly = true)
    public Optional<CheckpointView> findByName(String name) {
        return checkpoints.findByName(name).map(ModelCheckpoint::view);
    }

    /** Newest first; all kinds when {@code kind} is null. */
    @Transactional(readOnly = true)
    public List<CheckpointView> list(@Nullable CheckpointKind kind) {
        return (kind == null ? checkpoints.findAllByOrderByIdDesc() : checkpoints.findByKindOrderByIdDesc(kind))
                .stream().map(ModelCheckpoint::view).toList();
    }

    private static String metrics(@Nullable String json) {
        if (json == null || json.isBlank()) {
            return "{}";
        }
        if (json.length() > 10_000) {
            throw new InvalidInputException("metrics", "The metrics are longer than 10,000 characters");
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidInputException("metrics", "The metrics are not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("metrics", "The metrics must be a JSON object");
        }
        return json.strip();
    }
}
