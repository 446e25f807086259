package dev.pairwise.app.sampling;

import dev.pairwise.app.jobs.JobContext;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.battle.LoopPrompts;
import dev.pairwise.labeling.battle.ProjectPrompt;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.task.NewPrompt;
import dev.pairwise.labeling.task.Origin;
import dev.pairwise.labeling.task.TaskService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * SAMPLE jobs: K responses per prompt from a policy checkpoint into a labeling project, one new
 * comparison task per prompt (InstructGPT §3.2: labelers rank K = 4..9 outputs of the current
 * policy). With {@code systems} instead of {@code policyCheckpoint}, the K responses come from a
 * mix of connections and checkpoints ({@link MixedSampling}). Prompts are frozen at submission; each batch is sampled, then stored in one
 * transaction. Progress counts prompts; {@code tokens_per_second} is the sampler's pace.
 *
 * <p>Resumes after a restart: the responses name this job in their settings, so the prompts it
 * already stored (a prefix of the snapshot, batch by batch) are counted and skipped. Batch seeds
 * follow the prompt's place in the snapshot, so a resumed job draws what a straight run draws.
 */
@Component
class SampleExecutor extends PromptJobExecutor {

    private static final List<ConfigField> FIELDS = withSampling(
            "Prompts sampled and stored together (one transaction); 8 x K=4 rows fill a CPU batch.",
            ConfigField.checkpoint("policyCheckpoint", "Policy", Systems.POLICY_KINDS, false,
                    "The checkpoint to draw all K responses from; its registry name is each response's origin."
                            + " Leave it empty to draw from a mix of systems instead."),
            ConfigField.systems("systems", "Systems (a mix)", List.of("policyCheckpoint"),
                    "Draw each prompt's K responses from several connections and checkpoints: each system"
                            + " draws 'count' of them (the counts add up to K), with its own temperature, top_p"
                            + " and max_tokens. Replaces Policy."),
            ConfigField.project("projectId", "Target project",
                    "The project that gets one new task per prompt, with K responses (the project's K)."),
            new ConfigField("sourceProjectId", "Prompts from project", ConfigField.Kind.PROJECT, null, null, null,
                    List.of(), false, "Where the prompts come from; the target project when empty."),
            new ConfigField("promptIds", "Prompt ids", ConfigField.Kind.TEXT, null, null, null, List.of(), false,
                    "Sample exactly these prompts (ids, comma-separated) instead of a project's first ones."),
            ConfigField.integer("maxPrompts", "Max prompts", 64, 1, PromptSelection.MAX_PROMPTS,
                    "How many of the source project's prompts, oldest first; 64 is an afternoon of labeling at K=4."));

    SampleExecutor(ModelRegistry registry, ProjectService projects, LoopPrompts prompts, TaskService tasks,
                   Systems systems) {
        super(JobType.SAMPLE, FIELDS, true, registry, projects, prompts, tasks, systems);
    }

    @Override
    public List<Long> prepare(JobSettings config) {
        // the target must exist even when the prompts come from elsewhere
        mix(config, project(config, "projectId"));
        String sourceField = config.id("sourceProjectId") != null ? "sourceProjectId" : "projectId";
        return PromptSelection.snapshot(config, prompts, sourceField, project(config, sourceField).id());
    }

    /**
     * The config's systems, checked against the target's K; null for the single-checkpoint form
     * ({@code policyCheckpoint}), which stays as it always was.
     */
    private @Nullable List<SystemSpec> mix(JobSettings config, ProjectView target) {
        List<JsonNode> entries = config.entries("systems");
        boolean single = config.id("policyCheckpoint") != null;
        if (entries.isEmpty()) {
            if (!single) {
                throw new InvalidInputException("config.policyCheckpoint",
                        "Policy (policyCheckpoint) or a list of systems (systems) is required");
            }
            return null;
        }
        if (single) {
            throw new InvalidInputException("config.systems", "give either one checkpoint (policyCheckpoint)"
                    + " or a list of systems (systems), not both");
        }
        List<SystemSpec> specs = SystemSpec.parse("systems", entries);
        SystemSpec.checkSum("systems", specs, target.k(), target.name());
        for (int i = 0; i < specs.size(); i++) {
            String at = "config.systems[" + i + "]";
            systems.check(specs.get(i), at + ".connectionId", at + ".checkpointId");
        }
        return specs;
    }

    @Override
    public void run(JobContext ctx) {
        JobSettings config = ctx.settings();
        SamplingSettings settings = SamplingSettings.read(config);
        int batch = config.integer("batchPrompts");
        ProjectView target = project(config, "projectId");
        @Nullable List<SystemSpec> mix = mix(config, target);
        if (mix != null) {
            new MixedSampling(ctx, prompts, tasks, target, batch, settings.seed()).run(systems.open(mix, settings, ctx.jobId()));
            return;
        }
        CheckpointView policy = registry.get(config.requiredId("policyCheckpoint"));
        Origin origin = Origin.model(policy.name(), settings.json(ctx.jobId()));
        List<Long> ids = ctx.dataset();
        int k = target.k();
        ctx.log("sampling " + ids.size() + " prompts x K=" + k + " from " + policy.name() + " into project "
                + target.name() + " " + settings.json(ctx.jobId()));
        int done = Math.toIntExact(prompts.promptsWithResponseFrom(target.id(), origin));
        if (done > 0) {
            ctx.log("resuming after " + done + " prompts already stored by this job");
        }
        ctx.progress(done, ids.size());
        long tokens = 0;
        long nanos = 0;
        int stored = done;
        try (PolicySampler sampler = new PolicySampler(Path.of(policy.path()), settings, ctx.device())) {
            for (int from = done; from < ids.size(); from += batch) {
                if (ctx.isCancelled()) {
                    ctx.log("cancelled after " + stored + " tasks");
                    return;
                }
                List<ProjectPrompt> texts = prompts.texts(ids.subList(from, Math.min(ids.size(), from + batch)), "dataset");
                long start = System.nanoTime();
                PolicySampler.Drawn drawn = sampler.sample(texts.stream().map(ProjectPrompt::text).toList(), k, from);
                long took = System.nanoTime() - start;
                List<NewPrompt> batchPrompts = new ArrayList<>();
                for (int i = 0; i < texts.size(); i++) {
                    batchPrompts.add(new NewPrompt(texts.get(i).text(), drawn.responses().get(i).stream()
                            .map(text -> new NewPrompt.NewResponse(PolicySampler.shown(text), origin)).toList()));
                }
                stored += tasks.storeAll(target.id(), batchPrompts).size();
                tokens += drawn.tokens();
                nanos += took;
                ctx.progress(from + texts.size(), ids.size());
                ctx.metric("tokens_per_second", drawn.tokens() / Math.max(1e-9, took / 1e9));
                ctx.metric("tasks", stored);
                if (drawn.truncatedPrompts() > 0) {
                    ctx.log(drawn.truncatedPrompts() + " prompts cut from the left to fit the context");
                }
            }
        }
        ctx.log(String.format(java.util.Locale.ROOT, "stored %d tasks (%d responses); this run: %d tokens, %.1f tokens/s",
                stored, stored * k, tokens, tokens / Math.max(1e-9, nanos / 1e9)));
    }
}
