package dev.pairwise.app.sampling;

import dev.pairwise.app.connections.ConnectionClient;
import dev.pairwise.app.connections.ConnectionView;
import dev.pairwise.app.connections.ModelConnections;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Turns the systems a job names (connections and checkpoints) into {@link SystemDraw}s: checks at
 * submission that each exists and that a checkpoint is a policy, and opens them when the job runs.
 */
@Component
class Systems {

    /** The checkpoint kinds that generate text. */
    static final List<CheckpointKind> POLICY_KINDS = List.of(CheckpointKind.BASE, CheckpointKind.SFT,
            CheckpointKind.POLICY);

    private final ModelRegistry registry;
    private final ModelConnections connections;
    private final ConnectionClient client;

    Systems(ModelRegistry registry, ModelConnections connections, ConnectionClient client) {
        this.registry = registry;
        this.connections = connections;
        this.client = client;
    }

    /**
     * Refuses a system whose connection or checkpoint does not exist, or whose checkpoint does not
     * generate text.
     *
     * @param connectionAt the config path a refusal of its connection names
     * @param checkpointAt the config path a refusal of its checkpoint names
     */
    void check(SystemSpec spec, String connectionAt, String checkpointAt) {
        if (spec.connectionId() != null) {
            connection(spec.connectionId(), connectionAt);
        } else {
            checkpoint(java.util.Objects.requireNonNull(spec.checkpointId()), checkpointAt);
        }
    }

    /**
     * Opens every system of a mix in order; on failure closes those already open.
     *
     * @param settings the job's sampling fields: a checkpoint's defaults, and every call's seed
     */
    List<SystemDraw> open(List<SystemSpec> specs, SamplingSettings settings, long jobId) {
        List<SystemDraw> open = new ArrayList<>();
        try {
            for (SystemSpec spec : specs) {
                open.add(open(spec, settings, jobId));
            }
            return open;
        } catch (RuntimeException e) {
            open.forEach(SystemDraw::close);
            throw e;
        }
    }

    SystemDraw open(SystemSpec spec, SamplingSettings settings, long jobId) {
        if (spec.connectionId() != null) {
            return new ConnectionDraw(client, connections.get(spec.connectionId()), spec, settings.seed(), jobId);
        }
        SamplingSettings own = new SamplingSettings(
                spec.temperature() != null ? spec.temperature() : settings.temperature(),
                spec.topP() != null ? spec.topP() : settings.topP(), settings.topK(),
                spec.maxTokens() != null ? spec.maxTokens() : settings.maxNewTokens(), settings.seed(), settings.chat());
        return new CheckpointDraw(registry.get(java.util.Objects.requireNonNull(spec.checkpointId())), own, spec.count(), jobId);
    }

    private ConnectionView connection(long id, String at) {
        try {
            return connections.get(id);
        } catch (NotFoundException e) {
            throw new InvalidInputException(at, "connection " + id + " does not exist");
        }
    }

    private CheckpointView checkpoint(long id, String at) {
        CheckpointView c = registry.find(id)
                .orElseThrow(() -> new InvalidInputException(at, "checkpoint " + id + " does not exist"));
        if (!POLICY_KINDS.contains(c.kind())) {
            throw new InvalidInputException(at, "checkpoint " + c.name() + " is a " + c.kind()
                    + " model; a system samples from a BASE, SFT or POLICY checkpoint");
        }
        return c;
    }
}
