package dev.pairwise.app.openai;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.policy.checkpoint.Checkpoints;
import dev.pairwise.policy.sample.Policy;
import jakarta.annotation.PreDestroy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The checkpoints {@code /v1} serves and the ones it holds loaded. Served: every BASE, SFT and
 * POLICY checkpoint of the model registry whose files are present (the kinds a SAMPLE job may
 * draw from), named by its registry name, which is unique and never changes. Loaded: at most
 * {@code pairwise.v1.max-loaded-models}, least recently used dropped first (Caffeine).
 *
 * <p>A dropped model may still be generating for a request, so its native memory is freed only
 * when the last request using it lets go: every use holds a {@link Lease}, and whichever of
 * "dropped" and "last lease closed" comes second closes the model.
 */
@Component
class LoadedModels {

    /** The kinds a chat completion can come from: generative GPTs, not tokenizers or reward models. */
    static final Set<CheckpointKind> SERVED = Set.of(CheckpointKind.BASE, CheckpointKind.SFT, CheckpointKind.POLICY);

    private final ModelRegistry registry;
    private final Cache<Long, Shared> loaded;

    LoadedModels(ModelRegistry registry, V1Settings settings) {
        this.registry = registry;
        this.loaded = Caffeine.newBuilder()
                .maximumSize(settings.maxLoadedModels())
                .executor(Runnable::run) // drop at once, on the thread that caused it, not later on a pool
                .removalListener((Long id, @Nullable Shared model, RemovalCause cause) -> {
                    if (model != null) {
                        model.retire();
                    }
                })
                .build();
    }

    /** Every served checkpoint, newest first. */
    List<CheckpointView> served() {
        return registry.list(null).stream().filter(c -> SERVED.contains(c.kind()) && present(c)).toList();
    }

    /**
     * The served checkpoint named {@code model}.
     *
     * @throws OpenAiException 404 when no checkpoint has that name, it is not a language model, or
     *                         its files are gone
     */
    CheckpointView resolve(String model) {
        CheckpointView c = registry.findByName(model)
                .orElseThrow(() -> OpenAiException.modelNotFound(model, "does not exist"));
        if (!SERVED.contains(c.kind())) {
            throw OpenAiException.modelNotFound(model, "is a " + c.kind() + " checkpoint, not a language model");
        }
        if (!present(c)) {
            throw OpenAiException.modelNotFound(model, "has lost its files on this server");
        }
        return c;
    }

    /**
     * The checkpoint's policy, loaded now if it is not already; close the lease when done with it.
     *
     * @throws IllegalArgumentException when the files cannot be loaded (Policy.load's message)
     */
    Lease lease(CheckpointView checkpoint) {
        while (true) {
            Shared model = loaded.get(checkpoint.id(), id -> new Shared(Policy.load(Path.of(checkpoint.path()))));
            if (model.acquire()) {
                return new Lease(model);
            }
            // Dropped between the look-up and the acquire: the cache no longer holds it; load again.
        }
    }

    /** How many checkpoints are loaded now. */
    long loadedCount() {
        loaded.cleanUp();
        return loaded.estimatedSize();
    }

    /** Drops every model; each is freed once its last lease closes. */
    @PreDestroy
    void close() {
        loaded.invalidateAll();
        loaded.cleanUp();
    }

    private static boolean present(CheckpointView c) {
        Path dir = Path.of(c.path());
        return Files.isRegularFile(dir.resolve(Checkpoints.CONFIG)) && Files.isRegularFile(dir.resolve(Checkpoints.MODEL));
    }

    /** One loaded policy and how many requests use it. */
    static final class Shared {
        private final Policy policy;
        private int users;
        private boolean retired;
        private boolean closed;

        Shared(Policy policy) {
            this.policy = policy;
        }

        synchronized boolean acquire() {
            if (retired) {
                return false;
            }
            users++;
            return true;
        }

        synchronized void release() {
            users--;
            closeIfUnused();
        }

        synchronized void retire() {
            retired = true;
            closeIfUnused();
        }

        synchronized boolean isClosed() {
            return closed;
        }

        private void closeIfUnused() {
            if (retired && users == 0 && !closed) {
                closed = true;
                policy.close();
            }
        }
    }

    /** One request's hold on a loaded policy; closing it twice is harmless. */
    static final class Lease implements AutoCloseable {
        private final Shared model;
        private boolean open = true;

        private Lease(Shared model) {
            this.model = model;
        }

        Policy policy() {
            return model.policy;
        }

        @Override
        public synchronized void close() {
            if (open) {
                open = false;
                model.release();
            }
        }
    }
}
