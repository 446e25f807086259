package dev.pairwise.app.sampling;

import dev.pairwise.app.jobs.ExecutorBase;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.battle.LoopPrompts;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.task.TaskService;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the jobs that draw responses to a project's prompts share (SAMPLE, EVAL): the registry,
 * the projects, the prompts they read, the tasks they store, the systems they draw from, and the
 * sampling fields that end their forms.
 */
abstract class PromptJobExecutor extends ExecutorBase {

    final ModelRegistry registry;
    final ProjectService projects;
    final LoopPrompts prompts;
    final TaskService tasks;
    final Systems systems;

    PromptJobExecutor(JobType type, List<ConfigField> fields, boolean resumes, ModelRegistry registry,
                      ProjectService projects, LoopPrompts prompts, TaskService tasks, Systems systems) {
        super(type, fields, resumes);
        this.registry = registry;
        this.projects = projects;
        this.prompts = prompts;
        this.tasks = tasks;
        this.systems = systems;
    }

    /**
     * The project a config field names.
     *
     * @throws InvalidInputException naming {@code config.<field>} when it does not exist
     */
    ProjectView project(JobSettings config, String field) {
        long id = config.requiredId(field);
        try {
            return projects.get(id);
        } catch (NotFoundException e) {
            throw new InvalidInputException("config." + field, "project " + id + " does not exist");
        }
    }

    /**
     * A job's fields: its own, then {@code batchPrompts} (how many prompts are sampled together,
     * {@code batchHint} saying what else a batch is), then the sampling settings
     * ({@link SamplingSettings#FIELDS}).
     */
    static List<ConfigField> withSampling(String batchHint, ConfigField... own) {
        return Stream.of(Stream.of(own), Stream.of(ConfigField.integer("batchPrompts", "Prompts per batch", 8, 1, 256,
                batchHint)), SamplingSettings.FIELDS.stream()).flatMap(s -> s).toList();
    }
}
