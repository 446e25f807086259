package dev.pairwise.app.sampling;

import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.battle.LoopPrompts;
import java.util.List;

/**
 * Which prompts a job reads, frozen at submission: those named in {@code promptIds}, or the first
 * {@code maxPrompts} prompts of a project, oldest first.
 */
final class PromptSelection {

    /** A job's prompts are its snapshot, one row each: 10,000 keeps a snapshot small. */
    static final int MAX_PROMPTS = 10_000;

    private PromptSelection() {
    }

    /**
     * @param projectField the config field naming the project the prompts come from
     * @param projectId    its value
     */
    static List<Long> snapshot(JobSettings config, LoopPrompts prompts, String projectField, long projectId) {
        int max = config.integer("maxPrompts");
        List<Long> named = config.ids("promptIds", MAX_PROMPTS);
        try {
            if (!named.isEmpty()) {
                prompts.texts(named, "config.promptIds");
                return named;
            }
            List<Long> ids = prompts.promptIds(projectId, max, "config." + projectField);
            if (ids.isEmpty()) {
                throw new InvalidInputException("config." + projectField, "project " + projectId + " has no prompts");
            }
            return ids;
        } catch (NotFoundException e) {
            throw new InvalidInputException(e.field(), e.getMessage());
        }
    }
}
