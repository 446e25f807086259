package dev.pairwise.app.jobs;

import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.app.registry.ModelRegistry;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.NotFoundException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The job API for views, REST and scripts: submit (validated whole before anything is stored),
 * cancel (in any state), and read. The transaction boundary; the worker is woken only after the
 * submitting transaction commits, so it never looks for a row it cannot see yet.
 */
@Service
public class JobService {

    private final TrainingJobRepository jobs;
    private final JobMetricRepository metrics;
    private final JobExecutors executors;
    private final JobRunner runner;
    private final ModelRegistry registry;
    private final Clock clock;

    JobService(TrainingJobRepository jobs, JobMetricRepository metrics, JobExecutors executors,
               JobRunner runner, ModelRegistry registry, Clock clock) {
        this.jobs = jobs;
        this.registry = registry;
        this.metrics = metrics;
        this.executors = executors;
        this.runner = runner;
        this.clock = clock;
    }

    /**
     * Validates the request (type, the config against the executor's field declarations, the
     * checkpoints it starts from exist and are of the right kind, the executor's own checks), freezes the
     * dataset snapshot and queues the job behind those already waiting.
     *
     * @throws InvalidInputException naming the field at fault; nothing is stored then
     */
    @Transactional
    public JobView submit(JobRequest request) {
        if (request.type() == null) {
            throw new InvalidInputException("type", "Choose a job type");
        }
        JobType type = request.type();
        JobExecutor executor = executors.find(type).orElseThrow(() ->
                new InvalidInputException("type", "No trainer is installed for " + type + " jobs"));
        String configText = request.config() == null ? "{}" : request.config().strip();
        JobSettings settings = JobSettings.read(executor.fields(), configText);
        CheckpointInputs.check(executor.fields(), settings, id -> registry.find(id).orElse(null));
        List<Long> ids = List.copyOf(executor.prepare(settings));
        if (type.dataset() != DatasetKind.NONE && ids.isEmpty()) {
            throw new InvalidInputException("dataset", "The dataset is empty: no "
                    + type.dataset().name().toLowerCase() + " to train on");
        }
        TrainingJob job = jobs.save(new TrainingJob(type, configText.isEmpty() ? "{}" : configText, ids,
                request.submittedBy(), clock.instant()));
        afterCommit(runner::wake);
        return job.view();
    }

    /**
     * Cancels a job: a queued job is CANCELLED at once; a running one is asked to stop and becomes
     * CANCELLED when its trainer returns; a finished job is left as it is.
     *
     * @return the job after the change
     */
    @Transactional
    public JobView cancel(long id) {
        load(id);
        if (jobs.cancelQueued(id, clock.instant()) == 0 && jobs.requestCancel(id) == 1) {
            afterCommit(() -> runner.cancelRunning(id));
        }
        return load(id).view();
    }

    @Transactional(readOnly = true)
    public JobView get(long id) {
        return load(id).view();
    }

    /** The job types that have a trainer installed, in declaration order. */
    public List<JobType> installedTypes() {
        return Arrays.stream(JobType.values()).filter(t -> executors.find(t).isPresent()).toList();
    }

    /** The config fields of a job type's start form (empty when no trainer is installed for it). */
    public List<ConfigField> fields(JobType type) {
        return executors.find(type).map(JobExecutor::fields).orElse(List.of());
    }

    /** The newest jobs first, at most {@code limit} (1 to 500). */
    @Transactional(readOnly = true)
    public List<JobView> recent(int limit) {
        int capped = Math.clamp(limit, 1, 500);
        return jobs.findAllByOrderByIdDesc(Limit.of(capped)).stream().map(TrainingJob::view).toList();
    }

    /** The frozen dataset snapshot of a job, in the order its trainer reads it. */
    @Transactional(readOnly = true)
    public List<Long> datasetIds(long id) {
        return List.copyOf(load(id).getDatasetIds());
    }

    /** A job's metric series in step order. */
    @Transactional(readOnly = true)
    public List<MetricPoint> metrics(long id) {
        load(id);
        return metrics.findByJobIdOrderByStepAscIdAsc(id).stream().map(JobMetric::point).toList();
    }

    private TrainingJob load(long id) {
        return jobs.findById(id).orElseThrow(() -> NotFoundException.of("id", "Job", id));
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
