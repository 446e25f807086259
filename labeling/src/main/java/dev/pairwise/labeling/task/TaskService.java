package dev.pairwise.labeling.task;

import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.LabelingLimits;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.TextRules;
import dev.pairwise.labeling.project.Project;
import dev.pairwise.labeling.project.ProjectRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds prompts with their responses to a project, opening one comparison task each. Used by
 * the importer, the demo seeder and sampling jobs (which pass {@link Origin#model}).
 */
@Service
public class TaskService {

    private final ProjectRepository projects;
    private final PromptRepository prompts;
    private final ResponseRepository responses;
    private final ComparisonTaskRepository tasks;
    private final LabelingLimits limits;
    private final Clock clock;

    TaskService(ProjectRepository projects, PromptRepository prompts, ResponseRepository responses,
                ComparisonTaskRepository tasks, LabelingLimits limits, Clock clock) {
        this.projects = projects;
        this.prompts = prompts;
        this.responses = responses;
        this.tasks = tasks;
        this.limits = limits;
        this.clock = clock;
    }

    /** Adds one prompt, its 2..K responses and a task for them; all or nothing. */
    @Transactional
    public AddedPrompt addPrompt(long projectId, NewPrompt prompt) {
        Project project = projects.findById(projectId)
                .orElseThrow(() -> NotFoundException.of("projectId", "project", projectId));
        validate(prompt, project.getK(), limits.maxTextChars());
        return store(project.getId(), prompt, clock.instant());
    }

    /** Checks a prompt against a project's K and the size limits; names the bad field. */
    public static void validate(NewPrompt prompt, int k, int maxChars) {
        if (prompt == null) {
            throw new InvalidInputException("prompt", "prompt is missing");
        }
        TextRules.require("prompt", prompt.text(), maxChars);
        List<NewPrompt.NewResponse> rs = prompt.responses() == null ? List.of() : prompt.responses();
        if (rs.size() < 2 || rs.size() > k) {
            throw new InvalidInputException("responses",
                    "a task needs 2.." + k + " responses (the project's K), got " + rs.size());
        }
        for (int i = 0; i < rs.size(); i++) {
            NewPrompt.NewResponse r = rs.get(i);
            if (r == null) {
                throw new InvalidInputException("responses[" + i + "]", "responses[" + i + "] is missing");
            }
            TextRules.require("responses[" + i + "]", r.text(), maxChars);
            if (r.origin() == null) {
                throw new InvalidInputException("responses[" + i + "].origin", "responses[" + i + "] has no origin");
            }
        }
    }

    /** Stores a prompt already checked by {@link #validate}; the caller holds the transaction. */
    public AddedPrompt store(long projectId, NewPrompt prompt, Instant now) {
        Prompt p = prompts.save(new Prompt(projectId, prompt.text(), now));
        List<Long> ids = new ArrayList<>();
        for (NewPrompt.NewResponse r : prompt.responses()) {
            ids.add(responses.save(new Response(p.getId(), r.text(), r.origin(), null, now)).getId());
        }
        ComparisonTask task = tasks.save(new ComparisonTask(projectId, p.getId(), ids, now));
        return new AddedPrompt(p.getId(), List.copyOf(ids), task.getId());
    }

    /** Adds many prompts in one transaction: all are validated first, then all stored, or none. */
    @Transactional
    public List<AddedPrompt> storeAll(long projectId, List<NewPrompt> all) {
        Project project = projects.findById(projectId)
                .orElseThrow(() -> NotFoundException.of("projectId", "project", projectId));
        for (NewPrompt p : all) {
            validate(p, project.getK(), limits.maxTextChars());
        }
        Instant now = clock.instant();
        List<AddedPrompt> added = new ArrayList<>(all.size());
        for (NewPrompt p : all) {
            added.add(store(projectId, p, now));
        }
        return added;
    }
}
