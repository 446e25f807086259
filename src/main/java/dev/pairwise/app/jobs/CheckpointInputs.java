package dev.pairwise.app.jobs;

import dev.pairwise.labeling.InvalidInputException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The checkpoints each job type starts from, named by config fields that hold registry ids, and
 * the kinds each accepts. Checked at submission, so a job never starts on a missing checkpoint or
 * one of the wrong kind (a reward model given as the policy to tune, say).
 */
final class CheckpointInputs {

    /** One config field naming a checkpoint. */
    record Input(String field, Set<CheckpointKind> kinds, boolean required) {
    }

    private static final Set<CheckpointKind> LANGUAGE_MODELS =
            EnumSet.of(CheckpointKind.BASE, CheckpointKind.SFT, CheckpointKind.POLICY);

    private static final Map<JobType, List<Input>> INPUTS = Map.ofEntries(
            // Optional: the language model that scores each document's perplexity.
            Map.entry(JobType.CORPUS, List.of(new Input("perplexityCheckpoint", LANGUAGE_MODELS, false))),
            Map.entry(JobType.TOKENIZER, List.of()),
            // From scratch with a tokenizer, or continued from a base model.
            Map.entry(JobType.PRETRAIN, List.of(new Input("tokenizerCheckpoint", EnumSet.of(CheckpointKind.TOKENIZER), true),
                    new Input("baseCheckpoint", EnumSet.of(CheckpointKind.BASE), false))),
            Map.entry(JobType.SFT, List.of(new Input("baseCheckpoint", EnumSet.of(CheckpointKind.BASE, CheckpointKind.SFT), true))),
            // InstructGPT initialises the reward model from the SFT model (GPT backbone); the
            // default backbone, all-MiniLM-L6-v2, needs none (RewardExecutor checks which).
            Map.entry(JobType.REWARD, List.of(new Input("baseCheckpoint", EnumSet.of(CheckpointKind.BASE, CheckpointKind.SFT), false))),
            Map.entry(JobType.DPO, List.of(new Input("policyCheckpoint", EnumSet.of(CheckpointKind.SFT, CheckpointKind.POLICY), true))),
            Map.entry(JobType.PPO, List.of(new Input("policyCheckpoint", EnumSet.of(CheckpointKind.SFT, CheckpointKind.POLICY), true),
                    new Input("rewardCheckpoint", EnumSet.of(CheckpointKind.REWARD), true))),
            // Optional here: a mix of systems may replace it (the executor requires one or the other,
            // and checks the checkpoints the mix names).
            Map.entry(JobType.SAMPLE, List.of(new Input("policyCheckpoint", LANGUAGE_MODELS, false))),
            // Policy A against policy B (the opponent), scored by the reward model and/or people;
            // either side may be a connection instead (the executor requires exactly one per side).
            Map.entry(JobType.EVAL, List.of(new Input("policyCheckpoint", LANGUAGE_MODELS, false),
                    new Input("opponentCheckpoint", LANGUAGE_MODELS, false),
                    new Input("rewardCheckpoint", EnumSet.of(CheckpointKind.REWARD), false))),
            // The judge is a connection or this checkpoint (AiJudgeExecutor checks that one is given).
            Map.entry(JobType.AI_JUDGE, List.of(new Input("judgeCheckpoint", LANGUAGE_MODELS, false))),
            // Reads a Hugging Face folder, no checkpoint of ours.
            Map.entry(JobType.IMPORT, List.of()),
            // The generator is a connection or this checkpoint (SelfInstructExecutor checks that one is given).
            Map.entry(JobType.SELF_INSTRUCT, List.of(new Input("checkpointId", LANGUAGE_MODELS, false))));

    private CheckpointInputs() {
    }

    static List<Input> of(JobType type) {
        return INPUTS.get(type);
    }

    /**
     * @param lookup registry id → checkpoint, or null when there is none
     * @throws InvalidInputException naming {@code config.<field>}
     */
    static void check(JobType type, JsonNode config, LongFunction<@Nullable CheckpointView> lookup) {
        for (Input input : of(type)) {
            String field = "config." + input.field();
            JsonNode value = config.get(input.field());
            if (value == null || value.isNull()) {
                if (input.required()) {
                    throw new InvalidInputException(field, type + " jobs need " + input.field()
                            + " (the id of a " + names(input.kinds()) + " checkpoint)");
                }
                continue;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw new InvalidInputException(field, input.field() + " must be a checkpoint id");
            }
            long id = value.longValue();
            CheckpointView checkpoint = lookup.apply(id);
            if (checkpoint == null) {
                throw new InvalidInputException(field, "Checkpoint " + id + " does not exist");
            }
            if (!input.kinds().contains(checkpoint.kind())) {
                throw new InvalidInputException(field, "Checkpoint " + id + " (" + checkpoint.name() + ") is a "
                        + checkpoint.kind() + " checkpoint; " + input.field() + " takes " + names(input.kinds()));
            }
        }
    }

    private static String names(Set<CheckpointKind> kinds) {
        return kinds.stream().map(Enum::name).collect(Collectors.joining(" or "));
    }
}
