package dev.pairwise.app.sampling;

import dev.pairwise.app.jobs.JobContext;
import dev.pairwise.labeling.battle.LoopPrompts;
import dev.pairwise.labeling.battle.ProjectPrompt;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.task.NewPrompt;
import dev.pairwise.labeling.task.TaskService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * One run of a SAMPLE job over a mix of systems: for each batch of prompts, every system draws its
 * share of each prompt's K responses, and the prompts whose K responses all came are stored in one
 * transaction, each as one task with its responses in a seeded random order (so a response's
 * place says nothing of its system). A prompt with a failed call (after the client's retries) is
 * skipped whole, logged with the system and the reason, and counted in {@code failed_prompts}: no
 * task is ever stored with fewer than K responses. A job in which every prompt failed fails.
 *
 * <p>Resumes after a restart: the prompts already stored carry the first system's origin, which
 * names this job, and are skipped by text; prompts that failed before are tried again.
 */
final class MixedSampling {

    private final JobContext ctx;
    private final LoopPrompts prompts;
    private final TaskService tasks;
    private final ProjectView target;
    private final int batch;
    private final long seed;

    /** @param seed the job's seed, which also orders each task's responses */
    MixedSampling(JobContext ctx, LoopPrompts prompts, TaskService tasks, ProjectView target, int batch, long seed) {
        this.seed = seed;
        this.ctx = ctx;
        this.prompts = prompts;
        this.tasks = tasks;
        this.target = target;
        this.batch = batch;
    }

    /** Draws and stores; closes the systems whatever happens. */
    void run(List<SystemDraw> systems) {
        try {
            draw(systems);
        } finally {
            systems.forEach(SystemDraw::close);
        }
    }

    private void draw(List<SystemDraw> systems) {
        List<Long> ids = ctx.dataset();
        int k = systems.stream().mapToInt(SystemDraw::count).sum();
        ctx.log("sampling " + ids.size() + " prompts x K=" + k + " from " + systems.size() + " systems into project "
                + target.name() + ":");
        systems.forEach(s -> ctx.log("  " + s.count() + " x " + s.label() + " " + s.origin().settings()));
        Map<String, Long> stored = new java.util.HashMap<>(
                prompts.promptTextsWithResponseFrom(target.id(), systems.getFirst().origin()));
        long resumed = stored.values().stream().mapToLong(Long::longValue).sum();
        if (resumed > 0) {
            ctx.log("resuming: " + resumed + " prompts already stored by this job are skipped");
        }
        int tasksStored = Math.toIntExact(resumed);
        int failed = 0;
        @Nullable String lastFailure = null;
        long nanos = 0;
        for (int from = 0; from < ids.size(); from += batch) {
            if (ctx.isCancelled()) {
                ctx.log("cancelled after " + tasksStored + " tasks");
                return;
            }
            List<ProjectPrompt> texts = prompts.texts(ids.subList(from, Math.min(ids.size(), from + batch)), "dataset");
            List<ProjectPrompt> pending = new ArrayList<>();
            for (ProjectPrompt t : texts) {
                if (stored.merge(t.text(), -1L, Long::sum) < 0) {
                    stored.remove(t.text());
                    pending.add(t);
                }
            }
            if (!pending.isEmpty()) {
                List<String> pendingTexts = pending.stream().map(ProjectPrompt::text).toList();
                long start = System.nanoTime();
                List<List<SystemDraw.Drawn>> bySystem = new ArrayList<>();
                for (SystemDraw s : systems) {
                    bySystem.add(s.draw(pendingTexts, from));
                }
                nanos += System.nanoTime() - start;
                List<NewPrompt> whole = new ArrayList<>();
                for (int i = 0; i < pending.size(); i++) {
                    List<NewPrompt.NewResponse> responses = new ArrayList<>();
                    @Nullable String failure = null;
                    for (int s = 0; s < systems.size() && failure == null; s++) {
                        SystemDraw.Drawn drawn = bySystem.get(s).get(i);
                        if (drawn.failure() != null) {
                            failure = systems.get(s).label() + ": " + drawn.failure();
                        } else {
                            SystemDraw system = systems.get(s);
                            drawn.texts().forEach(t -> responses.add(new NewPrompt.NewResponse(t, system.origin())));
                        }
                    }
                    if (failure != null) {
                        failed++;
                        lastFailure = failure;
                        ctx.log("prompt " + pending.get(i).id() + " skipped, no task stored: " + failure);
                        continue;
                    }
                    Collections.shuffle(responses, new SplittableRandom(seed + pending.get(i).id()));
                    whole.add(new NewPrompt(pending.get(i).text(), responses));
                }
                tasksStored += tasks.storeAll(target.id(), whole).size();
            }
            ctx.progress(from + texts.size(), ids.size());
            ctx.metric("tasks", tasksStored);
            ctx.metric("failed_prompts", failed);
        }
        long tokens = systems.stream().mapToLong(SystemDraw::tokens).sum();
        ctx.log(String.format(Locale.ROOT, "stored %d tasks (%d responses), skipped %d prompts whose calls failed;"
                        + " this run: %d tokens, %.1f tokens/s", tasksStored, (long) tasksStored * k, failed, tokens,
                tokens / Math.max(1e-9, nanos / 1e9)));
        if (tasksStored == 0 && failed > 0) {
            throw new IllegalStateException("every prompt failed (" + failed + "); the last: " + lastFailure);
        }
    }
}
