package dev.pairwise.app.training;

import dev.pairwise.app.corpora.CorpusStore;
import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.quality.LabelersService;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.dataset.PairSource;
import dev.pairwise.labeling.dataset.TrainingDataService;
import dev.pairwise.policy.align.ChatTokens;
import dev.pairwise.policy.tokenizer.SpecialTokens;
import dev.pairwise.policy.tokenizer.Tokenizer;
import dev.pairwise.policy.tokenizer.Tokenizers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What every executor reads besides its config: checkpoint folders by registry id, the training
 * data service and the uploaded corpora. (The device comes from the job's context.)
 */
@Component
record Inputs(ModelRegistry registry, TrainingDataService data, LabelersService labelers, CorpusStore corpora) {

    /**
     * Refuses, at submission, a checkpoint that chat training cannot start from: its tokenizer
     * lacks the chat template's special tokens ({@code <|user|>}, {@code <|assistant|>},
     * {@code <|end|>}, {@code <|pad|>}), as a Hugging Face model imported with its own
     * {@code tokenizer.json} does. Without this the job would fail only once it runs.
     *
     * @throws InvalidInputException naming {@code config.<field>}, the checkpoint and the missing tokens
     */
    void requireChatTokens(String field, long checkpointId) {
        CheckpointView checkpoint = registry.get(checkpointId);
        String which = "Checkpoint " + checkpointId + " (" + checkpoint.name() + ")";
        Tokenizer tokenizer;
        try {
            tokenizer = Tokenizers.load(Path.of(checkpoint.path()));
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("config." + field, which + ": its tokenizer cannot be read: " + e.getMessage());
        }
        List<String> missing = ChatTokens.missing(tokenizer);
        if (!missing.isEmpty()) {
            throw new InvalidInputException("config." + field, which + " given as " + field
                    + " cannot be trained on chats: its tokenizer has no " + String.join(", ", missing)
                    + ", the chat template's special tokens (" + String.join(" ", SpecialTokens.ALL)
                    + "). A model imported from Hugging Face keeps its own tokenizer.json and its own chat tokens; "
                    + "start from a checkpoint whose tokenizer has ours.");
        }
    }

    /** The folder of a registered checkpoint (its kind was checked at submission). */
    Path folder(long checkpointId) {
        return Path.of(registry.get(checkpointId).path());
    }

    /**
     * Checks that the project named by {@code projectId} exists.
     *
     * @throws InvalidInputException naming {@code config.projectId}
     */
    void requireProject(long projectId) {
        if (!data.projectExists(projectId)) {
            throw new InvalidInputException("config.projectId", "Project " + projectId + " does not exist");
        }
    }

    /** Where a reviewer adjudicated a task, train on the adjudicated ranking only (a pair-trained job's field). */
    static final ConfigField PREFER_ADJUDICATED = new ConfigField("preferAdjudicated", "Prefer adjudicated rankings",
            ConfigField.Kind.BOOLEAN, "true", null, null, List.of(), false,
            "Where a reviewer adjudicated a disputed task, learn its adjudicated ranking instead of the labelers' rankings.");
    /** Leave out the pairs of labelers the labelers table flags (a pair-trained job's field). */
    static final ConfigField EXCLUDE_FLAGGED = new ConfigField("excludeFlaggedLabelers", "Exclude flagged labelers",
            ConfigField.Kind.BOOLEAN, "false", null, null, List.of(), false,
            "Leave out the judgments of labelers flagged for position, length or speed bias or low gold accuracy.");

    /** Whose rankings to learn from: people's (with imports and adjudications), AI judges', or both (a pair-trained job's field). */
    static final ConfigField PAIR_SOURCE = ConfigField.choice("pairSource", "Pairs from",
            List.of(PairSource.HUMAN.name(), PairSource.AI.name(), PairSource.BOTH.name()),
            "HUMAN learns people's rankings (and imported ones); AI the rankings of AI_JUDGE jobs (RLAIF); BOTH all.");

    /**
     * The dataset snapshot of the pair-trained stages (reward model, DPO): the project's preference
     * pairs from {@link #PAIR_SOURCE}, filtered by {@link #PREFER_ADJUDICATED} and
     * {@link #EXCLUDE_FLAGGED}, refused when none remain. The flagged labelers are those of the
     * labelers table at submission.
     */
    List<Long> pairSnapshot(JobSettings s) {
        long projectId = s.requiredId("projectId");
        requireProject(projectId);
        List<Long> excluded = s.flag(EXCLUDE_FLAGGED.name()) ? labelers.table(projectId).flaggedIds() : List.of();
        PairSource source = PairSource.valueOf(s.choice(PAIR_SOURCE.name()));
        List<Long> ids = data.pairIds(projectId, s.flag(PREFER_ADJUDICATED.name()), excluded, source);
        if (ids.isEmpty()) {
            throw new InvalidInputException("dataset", "No preference pairs in project " + projectId
                    + (source == PairSource.BOTH ? "" : " from " + source + " rankings") + " to train on: "
                    + (source == PairSource.AI ? "run an AI_JUDGE job first" : "rank some tasks first"));
        }
        return ids;
    }
}
