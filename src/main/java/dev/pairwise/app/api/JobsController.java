package dev.pairwise.app.api;

import dev.pairwise.app.jobs.DatasetKind;
import dev.pairwise.app.jobs.JobRequest;
import dev.pairwise.app.jobs.JobService;
import dev.pairwise.app.jobs.JobStatus;
import dev.pairwise.app.jobs.JobType;
import dev.pairwise.app.jobs.JobView;
import dev.pairwise.app.jobs.MetricPoint;
import dev.pairwise.app.jobs.config.ConfigField;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Training jobs over REST: researchers submit and cancel; researchers and admins read
 * jobs, their metric series and the installed job types with their config fields. Bad config is
 * a 400 problem detail whose {@code field} names the culprit ({@code config.learningRate}).
 */
@RestController
@RequestMapping("/api")
class JobsController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JobService jobs;

    JobsController(JobService jobs) {
        this.jobs = jobs;
    }

    /** Queues a job; {@code config} is a JSON object (or a string holding one), omitted for the defaults. */
    @PostMapping("/jobs")
    @PreAuthorize("hasRole('RESEARCHER')")
    ResponseEntity<JobJson> submit(@RequestBody SubmitRequest body, Authentication auth) {
        String config = body.config() == null || body.config().isNull() ? "{}"
                : body.config().isString() ? body.config().stringValue() : JSON.writeValueAsString(body.config());
        JobView job = jobs.submit(new JobRequest(body.type(), config, auth.getName()));
        return ResponseEntity.created(URI.create("/api/jobs/" + job.id())).body(JobJson.of(job));
    }

    /** The newest jobs first (at most {@code limit}, 1 to 500), optionally of one type or status. */
    @GetMapping("/jobs")
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    List<JobJson> list(@RequestParam(required = false) @Nullable JobType type,
                       @RequestParam(required = false) @Nullable JobStatus status,
                       @RequestParam(defaultValue = "100") int limit) {
        return jobs.recent(limit).stream()
                .filter(j -> type == null || j.type() == type)
                .filter(j -> status == null || j.status() == status)
                .map(JobJson::of).toList();
    }

    @GetMapping("/jobs/{id}")
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    JobJson get(@PathVariable long id) {
        return JobJson.of(jobs.get(id));
    }

    /** Cancels: a queued job at once, a running one when its trainer next checks; a finished one is left. */
    @PostMapping("/jobs/{id}/cancel")
    @PreAuthorize("hasRole('RESEARCHER')")
    JobJson cancel(@PathVariable long id) {
        return JobJson.of(jobs.cancel(id));
    }

    /** The job's metric points in step order. */
    @GetMapping("/jobs/{id}/metrics")
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    List<MetricPoint> metrics(@PathVariable long id) {
        return jobs.metrics(id);
    }

    /** The job types a trainer is installed for, each with its start form's fields. */
    @GetMapping("/job-types")
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    List<JobTypeJson> types() {
        return jobs.installedTypes().stream().map(t -> new JobTypeJson(t, t.dataset(), jobs.fields(t))).toList();
    }

    /** A submission: the stage and its settings. */
    record SubmitRequest(@Nullable JobType type, @Nullable JsonNode config) {
    }

    record JobTypeJson(JobType type, DatasetKind dataset, List<ConfigField> fields) {
    }

    /** A job as the API shows it: the view with its config as a JSON object rather than text. */
    record JobJson(long id, JobType type, JobStatus status, JsonNode config, DatasetKind datasetKind, int datasetSize,
                   long step, long total, @Nullable Long etaSeconds, boolean cancelRequested,
                   @Nullable String checkpointPath, @Nullable String error, String logTail,
                   @Nullable String submittedBy, Instant createdAt, @Nullable Instant startedAt,
                   @Nullable Instant finishedAt, @Nullable String claimedBy, @Nullable Instant leaseExpiresAt,
                   int attempts) {

        static JobJson of(JobView v) {
            return new JobJson(v.id(), v.type(), v.status(), JSON.readTree(v.config()), v.datasetKind(), v.datasetSize(),
                    v.step(), v.total(), v.etaSeconds(), v.cancelRequested(), v.checkpointPath(), v.error(),
                    v.logTail(), v.submittedBy(), v.createdAt(), v.startedAt(), v.finishedAt(), v.claimedBy(),
                    v.leaseExpiresAt(), v.attempts());
        }
    }
}
