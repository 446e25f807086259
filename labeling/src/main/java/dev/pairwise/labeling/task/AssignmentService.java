package dev.pairwise.labeling.task;

import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.project.Project;
import dev.pairwise.labeling.project.ProjectRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out tasks. Rules: a task wants {@code overlap} judgments; stored judgments plus running
 * leases never exceed that; a labeler never gets the same task twice; a lease that runs out
 * frees its slot. Correct under concurrency because the count is re-taken while holding the
 * task's row lock ({@code SELECT ... FOR UPDATE}): under READ COMMITTED each statement after
 * the lock sees every transaction that held it before.
 */
@Service
public class AssignmentService {

    /** Candidates read per attempt; more than enough to get past tasks others just filled. */
    private static final int CANDIDATES = 16;

    private final ProjectRepository projects;
    private final ComparisonTaskRepository tasks;
    private final AssignmentRepository assignments;
    private final PromptRepository prompts;
    private final ResponseRepository responses;
    private final Clock clock;
    private final Timer latency;

    AssignmentService(ProjectRepository projects, ComparisonTaskRepository tasks, AssignmentRepository assignments,
                      PromptRepository prompts, ResponseRepository responses, Clock clock, MeterRegistry meters) {
        this.projects = projects;
        this.tasks = tasks;
        this.assignments = assignments;
        this.prompts = prompts;
        this.responses = responses;
        this.clock = clock;
        this.latency = Timer.builder("pairwise.assignment.latency")
                .description("Time to find and lease the next task").register(meters);
    }

    /**
     * The caller's next task in a project: the lease it already holds there, else a newly leased
     * open task, else empty (nothing left for this labeler).
     */
    @Transactional
    public Optional<NextTask> next(long projectId, long labelerId) {
        return latency.record(() -> nextInternal(projectId, labelerId));
    }

    private Optional<NextTask> nextInternal(long projectId, long labelerId) {
        Project project = projects.findById(projectId)
                .orElseThrow(() -> NotFoundException.of("projectId", "project", projectId));
        assignments.lockAccount(labelerId)
                .orElseThrow(() -> NotFoundException.of("labelerId", "account", labelerId));
        Instant now = clock.instant();
        List<Assignment> live = assignments.findLive(projectId, labelerId, now);
        if (!live.isEmpty()) {
            return Optional.of(show(project, live.getFirst()));
        }
        for (Long taskId : tasks.openCandidates(projectId, labelerId, now, project.getOverlap(), CANDIDATES)) {
            tasks.lockById(taskId);
            if (tasks.claimed(taskId, now) >= project.getOverlap()) {
                continue; // filled by someone who held the lock before us
            }
            ComparisonTask task = tasks.findById(taskId).orElseThrow();
            List<Long> order = new ArrayList<>(task.getResponseIds());
            if (project.isRandomizeOrder()) {
                Collections.shuffle(order, ThreadLocalRandom.current());
            }
            Instant expires = now.plus(Duration.ofMinutes(project.getLeaseMinutes()));
            Assignment a = assignments.saveAndFlush(new Assignment(taskId, labelerId, order, now, expires));
            return Optional.of(show(project, a));
        }
        return Optional.empty();
    }

    /** Gives a leased task back; the caller will not be offered it again. */
    @Transactional
    public void skip(long taskId, long labelerId) {
        Assignment a = assignments.findByTaskIdAndLabelerId(taskId, labelerId)
                .orElseThrow(() -> new NotFoundException("taskId", "task " + taskId + " is not assigned to you"));
        if (a.getStatus() == AssignmentStatus.SUBMITTED) {
            throw new ConflictException("taskId", "task " + taskId + " was already judged");
        }
        a.setStatus(AssignmentStatus.SKIPPED);
    }

    private NextTask show(Project project, Assignment a) {
        ComparisonTask task = tasks.findById(a.getTaskId()).orElseThrow();
        Prompt prompt = prompts.findById(task.getPromptId()).orElseThrow();
        Map<Long, Response> byId = responses.findAllById(task.getResponseIds()).stream()
                .collect(Collectors.toMap(Response::getId, Function.identity()));
        List<Long> order = a.getPresentedOrder();
        List<ShownResponse> shown = order.stream()
                .map(id -> new ShownResponse(id, byId.get(id).getText())).toList();
        return new NextTask(task.getId(), project.getId(), project.getName(), project.getGuidelines(),
                prompt.getId(), prompt.getText(), shown, order, a.getLeasedAt(), a.getExpiresAt());
    }
}
