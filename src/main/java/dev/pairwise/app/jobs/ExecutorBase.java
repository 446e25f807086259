package dev.pairwise.app.jobs;

import dev.pairwise.app.jobs.config.ConfigField;
import java.util.List;

/**
 * What every executor states the same way, given once to the constructor: the job type it runs,
 * its config fields and whether it resumes after a restart. An executor adds {@code prepare} and
 * {@code run}.
 */
public abstract class ExecutorBase implements JobExecutor {

    private final JobType type;
    private final List<ConfigField> fields;
    private final boolean resumes;

    protected ExecutorBase(JobType type, List<ConfigField> fields, boolean resumes) {
        this.type = type;
        this.fields = List.copyOf(fields);
        this.resumes = resumes;
    }

    @Override
    public final JobType type() {
        return type;
    }

    @Override
    public final List<ConfigField> fields() {
        return fields;
    }

    @Override
    public final boolean supportsResume() {
        return resumes;
    }
}
