package dev.pairwise.app.api;

import dev.pairwise.app.registry.CheckpointArchive;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.labeling.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model registry over REST (researchers and admins): checkpoints with kind, parent, producing
 * job and headline metrics, and each checkpoint's folder as a zip streamed file by file.
 */
@RestController
@RequestMapping("/api/checkpoints")
class CheckpointsController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ModelRegistry registry;

    CheckpointsController(ModelRegistry registry) {
        this.registry = registry;
    }

    /** Newest first, optionally of one kind. */
    @GetMapping
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    List<CheckpointJson> list(@RequestParam(required = false) @Nullable CheckpointKind kind) {
        return registry.list(kind).stream().map(CheckpointJson::of).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    CheckpointJson get(@PathVariable long id) {
        return CheckpointJson.of(registry.get(id));
    }

    /** The checkpoint's folder (weights, configs, tokenizer) as {@code <name>.zip}; 404 when its files are gone. */
    @GetMapping("/{id}/download")
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    void download(@PathVariable long id, HttpServletResponse response) throws IOException {
        CheckpointView c = registry.get(id);
        if (!Files.exists(Path.of(c.path()))) {
            throw new NotFoundException("id", "The files of checkpoint " + id + " are missing (" + c.path() + ")");
        }
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + CheckpointArchive.fileName(c) + "\"");
        CheckpointArchive.write(c, response.getOutputStream());
    }

    /** A checkpoint as the API shows it: headline metrics as a JSON object. */
    record CheckpointJson(long id, String name, CheckpointKind kind, String path, @Nullable Long parentId,
                          @Nullable Long jobId, JsonNode metrics, Instant createdAt) {

        static CheckpointJson of(CheckpointView c) {
            return new CheckpointJson(c.id(), c.name(), c.kind(), c.path(), c.parentId(), c.jobId(),
                    JSON.readTree(c.metrics()), c.createdAt());
        }
    }
}
