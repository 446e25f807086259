package dev.pairwise.app.connections;

import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.NotFoundException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The model a job asks, named in its config by one of two fields: a connection id or the registry
 * id of a policy checkpoint, exactly one (an AI judge, a self-instruct generator). Read here once,
 * so every such job refuses the same mistakes with the same words.
 */
public sealed interface ModelChoice {

    /** The model's name: the connection's or the checkpoint's. */
    String name();

    /** A model behind a stored connection. */
    record Connection(ConnectionView connection) implements ModelChoice {
        @Override
        public String name() {
            return connection.name();
        }
    }

    /** A policy checkpoint of the registry (its kind was checked at submission). */
    record Checkpoint(CheckpointView checkpoint) implements ModelChoice {
        @Override
        public String name() {
            return checkpoint.name();
        }

        /** The checkpoint's folder. */
        public Path folder() {
            return Path.of(checkpoint.path());
        }
    }

    /** Reads a job's model choice from its config. */
    @Component
    record Reader(ModelConnections connections, ModelRegistry registry) {

        /**
         * The model named by {@code connectionField} or {@code checkpointField}.
         *
         * @param what what the job calls the model in its refusal ("the judge")
         * @throws InvalidInputException naming {@code config.<connectionField>} when both or neither
         *                               is given, or the connection does not exist
         */
        public ModelChoice read(JobSettings config, String connectionField, String checkpointField, String what) {
            @Nullable Long connectionId = config.id(connectionField);
            @Nullable Long checkpointId = config.id(checkpointField);
            if ((connectionId == null) == (checkpointId == null)) {
                throw new InvalidInputException("config." + connectionField, "give " + what + " as either "
                        + connectionField + " or " + checkpointField + " (exactly one)");
            }
            if (connectionId == null) {
                return new Checkpoint(registry.get(checkpointId));
            }
            try {
                return new Connection(connections.get(connectionId));
            } catch (NotFoundException e) {
                throw new InvalidInputException("config." + connectionField, "connection " + connectionId + " does not exist");
            }
        }
    }
}
