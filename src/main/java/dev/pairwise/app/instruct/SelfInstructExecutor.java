package dev.pairwise.app.instruct;

import dev.pairwise.app.connections.ConnectionClient;
import dev.pairwise.app.connections.ConnectionFailure;
import dev.pairwise.app.connections.ModelChoice;
import dev.pairwise.app.jobs.JobContext;
import dev.pairwise.app.jobs.ExecutorBase;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.app.training.ImportFolders;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.instruct.InstructionStore;
import dev.pairwise.labeling.instruct.NewInstruction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * SELF_INSTRUCT jobs (Wang et al. 2023, arXiv:2212.10560): grow a pool of instructions from seed
 * tasks through a model connection or a policy checkpoint and store the survivors as prompts of a
 * project. Each request shows the model {@value #IN_CONTEXT} instructions — as the paper's code,
 * up to {@value #FROM_POOL} drawn from those this job generated and the rest from the seeds,
 * shuffled — and reads the numbered list it continues ({@link GenerationPrompt}). A candidate is
 * refused by the paper's rules ({@link InstructionFilter}), as a duplicate or by ROUGE-L ≥ 0.7
 * against the seeds, the project's prompts and all kept so far ({@link InstructionPool}); every
 * refusal is counted by reason in the metrics {@code rejected_<reason>}.
 *
 * <p>A request's survivors are stored in one transaction ({@link InstructionStore}), with the
 * model's answer to each as a draft demonstration when {@code withDrafts}. The job stops at
 * {@code target} new prompts or {@code maxRequests} requests. After each stored batch its state
 * (requests made, instructions kept, refusals) is written to the job's folder and recorded as its
 * checkpoint, so a resumed job goes on from there; a crash between a batch and that file at worst lets a resumed job overshoot
 * the target by one batch, and never stores a prompt twice (the project's prompts are in the pool).
 */
@Component
class SelfInstructExecutor extends ExecutorBase {

    static final int IN_CONTEXT = 8;
    static final int FROM_POOL = 2;
    static final int MAX_FAILURES_IN_A_ROW = 5;
    /** Seed offsets of the draft answers, apart from those of the generation requests. */
    private static final long ANSWER_SEEDS = 1L << 32;

    static final List<ConfigField> FIELDS = List.of(
            ConfigField.project("projectId", "Project", "The project the new instructions are stored in, as prompts."),
            new ConfigField("seedFile", "Seed tasks file", ConfigField.Kind.TEXT, "\"\"", null, null, List.of(), false,
                    "A JSON-lines file of seed tasks with an \"instruction\" each (the paper's seed_tasks.jsonl) on the "
                            + "server, under " + ImportFolders.PROPERTY + "; empty: the project's prompts are the seeds."),
            new ConfigField("connectionId", "Connection", ConfigField.Kind.INTEGER, null, 1.0, null, List.of(), false,
                    "The id of a model connection that generates; give this or a checkpoint."),
            ConfigField.checkpoint("checkpointId", "Checkpoint", List.of(CheckpointKind.BASE, CheckpointKind.SFT,
                    CheckpointKind.POLICY), false, "A policy checkpoint that generates instead of a connection."),
            ConfigField.integer("target", "New instructions", 100, 1, 100_000,
                    "Stop once this many new prompts are stored."),
            ConfigField.integer("maxRequests", "Max requests", 100, 1, 1_000_000,
                    "Stop after this many generation requests even if the target is not reached."),
            ConfigField.number("temperature", "Temperature", 0.7, 0.0, 2.0, "The paper samples at 0.7."),
            ConfigField.integer("maxTokens", "Max answer tokens", 1024, 1, 8192,
                    "Room for each list of new instructions (the paper: 1024); with drafts, for each answer too."),
            ConfigField.integer("seed", "Seed", 0, Long.MIN_VALUE, Long.MAX_VALUE,
                    "Seeds which instructions each request shows and the model's sampling."),
            new ConfigField("withDrafts", "With draft demonstrations", ConfigField.Kind.BOOLEAN, "false", null, null,
                    List.of(), false, "Also ask the model to answer each new instruction and keep the answer as a "
                    + "DRAFT demonstration for people to edit and submit."));

    private final InstructionStore store;
    private final ModelChoice.Reader models;
    private final ConnectionClient client;
    private final ImportFolders folders;

    SelfInstructExecutor(InstructionStore store, ModelChoice.Reader models, ConnectionClient client,
                         ImportFolders folders) {
        super(JobType.SELF_INSTRUCT, FIELDS, true);
        this.store = store;
        this.models = models;
        this.client = client;
        this.folders = folders;
    }

    @Override
    public List<Long> prepare(JobSettings config) {
        List<String> prompts = projectPrompts(config);
        List<String> seeds = seeds(config, prompts);
        if (seeds.isEmpty()) {
            throw new InvalidInputException("config.seedFile", "project " + config.requiredId("projectId")
                    + " has no prompts to use as seeds: give a seedFile or add seed prompts to the project");
        }
        model(config);
        return List.of();
    }

    private List<String> projectPrompts(JobSettings config) {
        try {
            return store.promptTexts(config.requiredId("projectId"), "config.projectId");
        } catch (NotFoundException e) {
            throw new InvalidInputException("config.projectId", e.getMessage());
        }
    }

    /** The seed instructions: the seed file's, or the project's prompts when none is named. */
    private List<String> seeds(JobSettings config, List<String> projectPrompts) {
        String file = config.text("seedFile");
        if (file.isBlank()) {
            return projectPrompts.stream().map(InstructionFilter::normalize).toList();
        }
        return SeedTasks.read(folders.file("config.seedFile", file), "config.seedFile");
    }

    /** The generator: a connection or a checkpoint, exactly one. */
    private ModelChoice model(JobSettings config) {
        return models.read(config, "connectionId", "checkpointId", "the model");
    }

    private Generator generator(JobSettings config) {
        double temperature = config.number("temperature");
        int maxTokens = config.integer("maxTokens");
        long seed = config.longValue("seed");
        return switch (model(config)) {
            case ModelChoice.Connection c -> new ConnectionGenerator(client, c.connection().id(), "connection " + c.name(),
                    temperature, maxTokens, seed);
            case ModelChoice.Checkpoint c -> new CheckpointGenerator(c.name(), c.folder(), temperature, maxTokens, seed);
        };
    }

    @Override
    public void run(JobContext ctx) {
        JobSettings config = ctx.settings();
        long projectId = config.requiredId("projectId");
        int target = config.integer("target");
        int maxRequests = config.integer("maxRequests");
        long seed = config.longValue("seed");
        boolean withDrafts = config.flag("withDrafts");
        List<String> projectPrompts = projectPrompts(config);
        List<String> seeds = seeds(config, projectPrompts);
        Path resume = ctx.resumeFrom();
        SelfInstructState state = resume == null ? new SelfInstructState() : SelfInstructState.load(resume);
        Path stateDir = ctx.checkpointDir().resolve("state");
        InstructionPool pool = new InstructionPool();
        seeds.forEach(pool::add);
        projectPrompts.forEach(pool::add);
        state.generated().forEach(pool::add);
        int failedInARow = 0;
        try (Generator generator = generator(config)) {
            ctx.log((state.requests() > 0 ? "resuming after " + state.requests() + " requests; " : "")
                    + "generating with " + generator.label() + " from " + seeds.size() + " seeds; pool of "
                    + pool.size() + " instructions; target " + target + " in at most " + maxRequests + " requests");
            report(ctx, state, target);
            while (state.kept() < target && state.requests() < maxRequests) {
                if (ctx.isCancelled()) {
                    ctx.log("cancelled after " + state.requests() + " requests");
                    return;
                }
                long request = state.requests();
                String prompt = GenerationPrompt.encode(examples(seeds, state.generated(), seed, request));
                Generator.Answer answer;
                try {
                    answer = generator.ask(prompt, request);
                    failedInARow = 0;
                } catch (ConnectionFailure f) {
                    state.failed();
                    ctx.log("request " + (request + 1) + ": no answer (" + f.getMessage() + ")");
                    if (++failedInARow >= MAX_FAILURES_IN_A_ROW) {
                        throw new IllegalStateException("the model gave no answer " + failedInARow
                                + " times in a row; last: " + f.getMessage(), f);
                    }
                    save(ctx, state, stateDir);
                    report(ctx, state, target);
                    continue;
                }
                List<String> kept = filter(GenerationPrompt.parse(answer.text(), answer.cutOff()), pool, state,
                        target - state.kept());
                List<NewInstruction> batch = new ArrayList<>();
                for (String instruction : kept) {
                    // Each draft its own seed offset: the place its instruction will have among those kept.
                    long answerSeed = ANSWER_SEEDS + state.generated().size() + batch.size();
                    batch.add(new NewInstruction(instruction, withDrafts ? draft(generator, instruction, answerSeed, ctx) : null));
                }
                int stored = store.store(projectId, batch);
                state.answered(kept, stored);
                save(ctx, state, stateDir);
                report(ctx, state, target);
            }
        }
        ctx.log(String.format(Locale.ROOT, "done: %d new prompts from %d requests (%d without an answer); %d candidates,"
                        + " refused: %s", state.kept(), state.requests(), state.failedRequests(), state.candidates(),
                state.rejectionSummary()));
    }

    /**
     * The in-context instructions of one request, as the paper's code picks them: up to
     * {@value #FROM_POOL} generated ones, the rest seeds, shuffled. Each request has its own
     * random stream, so a resumed job shows what a straight run would have.
     */
    static List<String> examples(List<String> seeds, List<String> generated, long seed, long request) {
        Random random = new Random(seed * 1_000_003L + request);
        List<String> chosen = new ArrayList<>(sample(generated, Math.min(FROM_POOL, generated.size()), random));
        chosen.addAll(sample(seeds, Math.min(IN_CONTEXT - chosen.size(), seeds.size()), random));
        Collections.shuffle(chosen, random);
        return chosen;
    }

    private static List<String> sample(List<String> from, int n, Random random) {
        List<String> copy = new ArrayList<>(from);
        Collections.shuffle(copy, random);
        return copy.subList(0, n);
    }

    /** The candidates that pass, at most {@code room}; each joins the pool, each refusal is counted. */
    static List<String> filter(List<String> candidates, InstructionPool pool, SelfInstructState state, int room) {
        List<String> kept = new ArrayList<>();
        for (String candidate : candidates) {
            if (kept.size() >= room) {
                break;
            }
            state.candidate();
            Optional<Rejection> rejection = InstructionFilter.check(candidate).or(() -> pool.check(candidate));
            if (rejection.isPresent()) {
                state.rejected(rejection.get());
                continue;
            }
            pool.add(candidate);
            kept.add(candidate);
        }
        return kept;
    }

    /** The model's answer to a new instruction, or null (the prompt is kept without a draft) when none came. */
    private static @Nullable String draft(Generator generator, String instruction, long seedOffset, JobContext ctx) {
        try {
            Generator.Answer a = generator.ask(instruction, seedOffset);
            String text = a.text().strip();
            return text.isEmpty() ? null : text;
        } catch (ConnectionFailure f) {
            ctx.log("no draft answer for \"" + instruction + "\" (" + f.getMessage() + ")");
            return null;
        }
    }

    /** Saves the state and records its folder as the job's resume point. */
    private static void save(JobContext ctx, SelfInstructState state, Path dir) {
        state.save(dir);
        ctx.checkpoint(dir);
    }

    private static void report(JobContext ctx, SelfInstructState state, int target) {
        ctx.progress(state.kept(), target);
        ctx.metric("stored", state.kept());
        ctx.metric("requests", state.requests());
        ctx.metric("failed_requests", state.failedRequests());
        ctx.metric("candidates", state.candidates());
        for (Rejection r : Rejection.values()) {
            ctx.metric(r.metric(), state.rejections(r));
        }
    }
}
