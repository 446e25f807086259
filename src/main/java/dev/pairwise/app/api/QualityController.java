package dev.pairwise.app.api;

import dev.pairwise.app.quality.LabelersService;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.project.Routing;
import dev.pairwise.labeling.quality.GoldService;
import dev.pairwise.labeling.quality.GoldService.GoldTask;
import dev.pairwise.labeling.quality.Pauses;
import dev.pairwise.labeling.quality.QualitySettings;
import dev.pairwise.labeling.quality.QualitySettingsService;
import dev.pairwise.labeling.task.NewPrompt;
import dev.pairwise.labeling.task.Origin;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Label quality of a project: the labelers table (agreement, gold accuracy, bias tests, flags),
 * the quality settings, gold tasks, and pausing labelers.
 */
@RestController
@RequestMapping("/api/projects/{projectId}")
class QualityController {

    private final LabelersService labelers;
    private final QualitySettingsService settings;
    private final GoldService gold;
    private final Pauses pauses;
    private final Caller caller;

    QualityController(LabelersService labelers, QualitySettingsService settings, GoldService gold, Pauses pauses,
                      Caller caller) {
        this.labelers = labelers;
        this.settings = settings;
        this.gold = gold;
        this.pauses = pauses;
        this.caller = caller;
    }

    /** {@code alpha, correction, labelers: [...]} (see {@code LabelersTable#asMap}); 404 for no project. */
    @GetMapping("/labelers")
    @PreAuthorize("hasAnyRole('ADMIN', 'RESEARCHER')")
    Map<String, @Nullable Object> labelers(@PathVariable long projectId) {
        return labelers.table(projectId).asMap();
    }

    @GetMapping("/quality-settings")
    @PreAuthorize("hasAnyRole('ADMIN', 'RESEARCHER')")
    QualitySettings settings(@PathVariable long projectId) {
        return settings.get(projectId);
    }

    /** Replaces the settings; an omitted field keeps its current value. */
    @PutMapping("/quality-settings")
    @PreAuthorize("hasRole('ADMIN')")
    QualitySettings updateSettings(@PathVariable long projectId, @RequestBody SettingsRequest body) {
        QualitySettings now = settings.get(projectId);
        return settings.update(projectId, new QualitySettings(
                body.goldRate() == null ? now.goldRate() : body.goldRate(),
                body.goldMinAccuracy() == null ? now.goldMinAccuracy() : body.goldMinAccuracy(),
                body.goldPause() == null ? now.goldPause() : body.goldPause(),
                body.reviewDisagreement() == null ? now.reviewDisagreement() : body.reviewDisagreement(),
                body.repeatRate() == null ? now.repeatRate() : body.repeatRate(),
                body.routing() == null ? now.routing() : Routing.parse("routing", body.routing())));
    }

    /** The project's gold tasks with their known rankings. */
    @GetMapping("/gold")
    @PreAuthorize("hasRole('ADMIN')")
    List<GoldTask> goldTasks(@PathVariable long projectId) {
        return gold.list(projectId);
    }

    /** Marks an existing task gold: {@code {"tiers": [[response_id, …], …]}}, best first. */
    @PutMapping("/tasks/{taskId}/gold")
    @PreAuthorize("hasRole('ADMIN')")
    GoldTask markGold(@PathVariable long projectId, @PathVariable long taskId, @RequestBody GoldRanking body,
                      Authentication auth) {
        if (body.tiers() == null) {
            throw new InvalidInputException("tiers", "tiers must rank the task's responses, best first");
        }
        return gold.mark(projectId, taskId, body.tiers(), caller.id(auth));
    }

    /**
     * Imports a gold task: {@code {"prompt", "responses": [text, …], "ranking": [[index, …], …]}},
     * the ranking by 0-based response index, best first. 201 with the task.
     */
    @PostMapping("/gold")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<GoldTask> importGold(@PathVariable long projectId, @RequestBody GoldImport body, Authentication auth) {
        if (body.responses() == null) {
            throw new InvalidInputException("responses", "responses must list the candidate answers");
        }
        NewPrompt prompt = new NewPrompt(body.prompt(), body.responses().stream()
                .map(t -> new NewPrompt.NewResponse(t, Origin.imported("gold"))).toList());
        GoldTask created = gold.importTask(projectId, prompt, body.ranking(), caller.id(auth));
        return ResponseEntity.created(URI.create("/api/projects/" + projectId + "/gold")).body(created);
    }

    /** Pauses a labeler in this project: they get no tasks until resumed. Body {@code {"reason"}} optional. */
    @PostMapping("/labelers/{labelerId}/pause")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> pause(@PathVariable long projectId, @PathVariable long labelerId,
                               @RequestBody(required = false) @Nullable PauseRequest body) {
        String reason = body == null || body.reason() == null || body.reason().isBlank() ? "paused by an admin"
                : body.reason().strip();
        pauses.pause(projectId, labelerId, reason);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/labelers/{labelerId}/pause")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> resume(@PathVariable long projectId, @PathVariable long labelerId) {
        pauses.resume(projectId, labelerId);
        return ResponseEntity.noContent().build();
    }

    record SettingsRequest(@Nullable Double goldRate, @Nullable Double goldMinAccuracy, @Nullable Boolean goldPause,
                           @Nullable Double reviewDisagreement, @Nullable Double repeatRate, @Nullable String routing) {
    }

    record GoldRanking(@Nullable List<List<Long>> tiers) {
    }

    record GoldImport(@Nullable String prompt, @Nullable List<String> responses, @Nullable List<List<Integer>> ranking) {
    }

    record PauseRequest(@Nullable String reason) {
    }
}
