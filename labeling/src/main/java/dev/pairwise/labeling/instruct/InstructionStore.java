package dev.pairwise.labeling.instruct;

import dev.pairwise.labeling.LabelingLimits;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.TextRules;
import dev.pairwise.labeling.demo.DemoStatus;
import dev.pairwise.labeling.demo.Demonstration;
import dev.pairwise.labeling.demo.DemonstrationRepository;
import dev.pairwise.labeling.task.Prompt;
import dev.pairwise.labeling.task.PromptRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores generated instructions as a project's prompts (no responses or task yet: a SAMPLE job
 * draws those), each batch whole or not at all. A prompt whose exact text the project already has
 * is skipped, checked under a lock on the project's row so that two jobs filling one project do
 * not both store it.
 */
@Service
public class InstructionStore {

    private final JdbcClient jdbc;
    private final PromptRepository prompts;
    private final DemonstrationRepository demos;
    private final LabelingLimits limits;
    private final Clock clock;

    InstructionStore(JdbcClient jdbc, PromptRepository prompts, DemonstrationRepository demos, LabelingLimits limits,
                     Clock clock) {
        this.jdbc = jdbc;
        this.prompts = prompts;
        this.demos = demos;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * The texts of a project's prompts, oldest first.
     *
     * @throws NotFoundException naming {@code field} when the project does not exist
     */
    @Transactional(readOnly = true)
    public List<String> promptTexts(long projectId, String field) {
        requireProject(projectId, field, false);
        return jdbc.sql("SELECT text FROM prompts WHERE project_id = :p ORDER BY project_id, id")
                .param("p", projectId).query(String.class).list();
    }

    /**
     * Stores the batch as prompts of the project (with a DRAFT demonstration of source
     * {@value Demonstration#SOURCE_SELF_INSTRUCT} for each answer given), skipping texts the
     * project already has or the batch repeats.
     *
     * @return how many prompts were stored
     * @throws NotFoundException when the project does not exist
     * @throws dev.pairwise.labeling.InvalidInputException when a text is blank or too long (nothing is stored)
     */
    @Transactional
    public int store(long projectId, List<NewInstruction> batch) {
        requireProject(projectId, "projectId", true);
        for (NewInstruction i : batch) {
            TextRules.require("instruction", i.text(), limits.maxTextChars());
            TextRules.optional("answer", i.answer(), limits.maxTextChars());
        }
        Set<String> present = new HashSet<>();
        if (!batch.isEmpty()) {
            present.addAll(jdbc.sql("SELECT text FROM prompts WHERE project_id = :p AND text IN (:texts)")
                    .param("p", projectId).param("texts", batch.stream().map(NewInstruction::text).toList())
                    .query(String.class).list());
        }
        Instant now = clock.instant();
        int stored = 0;
        for (NewInstruction i : batch) {
            if (!present.add(i.text())) {
                continue;
            }
            prompts.save(new Prompt(projectId, i.text(), now));
            if (i.answer() != null && !i.answer().isBlank()) {
                demos.save(new Demonstration(projectId, i.text(), i.answer(), DemoStatus.DRAFT,
                        Demonstration.SOURCE_SELF_INSTRUCT, null, null, now));
            }
            stored++;
        }
        return stored;
    }

    private void requireProject(long projectId, String field, boolean lock) {
        boolean exists = !jdbc.sql("SELECT id FROM projects WHERE id = :p" + (lock ? " FOR UPDATE" : ""))
                .param("p", projectId).query(Long.class).list().isEmpty();
        if (!exists) {
            throw NotFoundException.of(field, "project", projectId);
        }
    }
}
