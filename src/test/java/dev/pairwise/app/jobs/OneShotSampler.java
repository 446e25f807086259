package dev.pairwise.app.jobs;

import dev.pairwise.app.jobs.config.JobSettings;
import java.util.ArrayList;
import java.util.List;

/** A real SAMPLE executor that cannot resume: it reads prompt ids from its config and takes one step. */
class OneShotSampler implements JobExecutor {

    @Override
    public JobType type() {
        return JobType.SAMPLE;
    }

    @Override
    public List<Long> prepare(JobSettings settings) {
        List<Long> ids = new ArrayList<>();
        if (settings.json().has("prompts")) {
            settings.json().get("prompts").forEach(n -> ids.add(n.longValue()));
        }
        return ids;
    }

    @Override
    public void run(JobContext ctx) {
        ctx.progress(1, 1);
    }
}
