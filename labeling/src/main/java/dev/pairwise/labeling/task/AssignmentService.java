package dev.pairwise.labeling.task;

import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.DatabaseKind;
import dev.pairwise.labeling.NotAllowedException;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.project.ProjectSnapshots;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.project.Routing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out tasks. Rules: a task wants {@code overlap} judgments; stored judgments plus running
 * leases never exceed that; a labeler never gets the same task twice, except one they skipped,
 * which comes back to them at the end of their queue (oldest skip first) while it still has room;
 * a lease that runs out (or is released when its labeler's session ends) frees its slot for others.
 *
 * <p>Correct under concurrency because the room is re-checked while holding the task's row lock:
 * under READ COMMITTED a statement after the lock sees every lease and judgment committed by
 * whoever held it before. Fast under concurrency because labelers never queue on each other's
 * candidates: a row someone holds is passed over ({@code SKIP LOCKED}), and only when every open
 * task is held does a labeler wait for one, so "nothing left" (empty) is answered only when the
 * open work, read fresh, has no task for this labeler.
 *
 * <p>Label quality: a labeler paused in the project gets no task (read with their row lock); at
 * the project's gold rate a next task is a gold task they never held (see {@link OpenTasks#goldFor}),
 * leased without a room check since every labeler may judge it.
 */
@Service
public class AssignmentService {

    /** Candidates read per round on the portable path. */
    private static final int CANDIDATES = 16;
    /** Rounds before giving up; each round that fails saw open tasks fill or waited for one. */
    private static final int MAX_ROUNDS = 200;
    private static final int DEADLOCK_RETRIES = 5;

    private final ProjectSnapshots projects;
    private final OpenTasks open;
    private final Leases leases;
    private final Skips skips;
    private final Repeats repeats;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Timer latency;
    private final boolean postgres;
    private final TransactionTemplate inTransaction;
    private final NextTaskCall oneCall;

    AssignmentService(ProjectSnapshots projects, OpenTasks open, Leases leases, Skips skips, Repeats repeats, JdbcClient jdbc,
                      DatabaseKind database, Clock clock, MeterRegistry meters, PlatformTransactionManager transactions,
                      NextTaskCall oneCall) {
        this.oneCall = oneCall;
        this.inTransaction = new TransactionTemplate(transactions);
        this.projects = projects;
        this.open = open;
        this.leases = leases;
        this.skips = skips;
        this.repeats = repeats;
        this.jdbc = jdbc;
        this.clock = clock;
        this.postgres = database.isPostgres();
        this.latency = Timer.builder("pairwise.assignment.latency")
                .description("Time to find and lease the next task").register(meters);
    }

    /**
     * The caller's next task in a project: the lease it already holds there, else a newly leased
     * open task, else a task it skipped that still has room, else empty (nothing left for this
     * labeler: every task is completed, held by others up to its overlap, or was already this
     * labeler's and not skipped).
     */
    public Optional<NextTask> next(long projectId, long labelerId) {
        return latency.record(() -> {
            ProjectView project = projects.get(projectId);
            // Gold: a draw against the rate first, so the common case runs no gold query at all.
            boolean gold = project.goldRate() > 0 && ThreadLocalRandom.current().nextDouble() < project.goldRate();
            // Repeats, like gold, are decided by the Java path; the common case is one call on PostgreSQL.
            if (postgres && !gold && project.repeatRate() == 0
                    && !TransactionSynchronizationManager.isActualTransactionActive()) {
                Optional<NextTask> task = inOneCall(project, labelerId);
                if (task.isPresent()) {
                    return task;
                }
            }
            return retryingDeadlocks(() -> nextInternal(projectId, labelerId, gold));
        });
    }

    /**
     * The common case on PostgreSQL in one auto-committed call ({@link NextTaskCall}): the lease
     * the labeler holds, or a newly leased open task; empty (nothing written) for the rest, which
     * the Java path decides.
     */
    private Optional<NextTask> inOneCall(ProjectView project, long labelerId) {
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofMinutes(project.leaseMinutes()));
        for (int attempt = 1; ; attempt++) {
            try {
                return oneCall.next(project, labelerId, now, expires);
            } catch (PessimisticLockingFailureException e) {
                if (attempt == DEADLOCK_RETRIES) {
                    throw e; // rolled back whole, like the Java path's transaction
                }
            }
        }
    }

    /**
     * Takes back the caller's last skip in a project: that task is leased to them again (in the
     * order they saw it) and becomes their current task; the task they were shown after it, if
     * they still hold it unjudged, goes back to its place in the queue.
     *
     * @throws NotFoundException when the caller skipped nothing here that is not judged since
     * @throws ConflictException when the skipped task was filled by others meanwhile
     */
    public NextTask undoLastSkip(long projectId, long labelerId) {
        return retryingDeadlocks(() -> Optional.of(undoInternal(projectId, labelerId))).orElseThrow();
    }

    private Optional<NextTask> retryingDeadlocks(Supplier<Optional<NextTask>> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction.execute(status -> work.get());
            } catch (PessimisticLockingFailureException e) {
                // A transaction that found every open task held waits for one while it may
                // hold another it locked but found full; two such can deadlock, and the
                // database then aborts one of them. Its work was all rolled back: start over.
                if (attempt == DEADLOCK_RETRIES || TransactionSynchronizationManager.isActualTransactionActive()) {
                    throw e;
                }
            }
        }
    }

    /** @param gold whether this call drew a gold task (at the project's gold rate) */
    private Optional<NextTask> nextInternal(long projectId, long labelerId, boolean gold) {
        ProjectView project = projects.get(projectId);
        lockUnpaused(project, labelerId);
        Instant now = clock.instant();
        Optional<Lease> live = leases.live(projectId, labelerId, now);
        if (live.isPresent()) {
            Lease a = live.get();
            return Optional.of(show(project, a.taskId(), content(a.taskId()), a.presentedOrder(), a.leasedAt(),
                    a.expiresAt()));
        }
        Instant expires = now.plus(Duration.ofMinutes(project.leaseMinutes()));
        // Repeats, like gold, cost no query in a project that does not ask for them.
        if (project.repeatRate() > 0) {
            Optional<NextTask> repeat = repeat(project, labelerId, now, expires);
            if (repeat.isPresent()) {
                return repeat;
            }
        }
        if (gold) {
            Optional<Long> goldTask = open.goldFor(projectId, labelerId);
            if (goldTask.isPresent()) {
                return Optional.of(lease(project, goldTask.get(), labelerId, now, expires));
            }
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Optional<Long> taskId = lockOpenTask(projectId, labelerId, now, project.routing());
            if (taskId.isEmpty()) {
                return lockSkippedTask(projectId, labelerId, now)
                        .map(id -> resume(project, id, labelerId, now));
            }
            TaskContent task = content(taskId.get());
            List<Long> order = order(project, task);
            if (postgres) {
                // Room check, lease and full_until in one statement after the lock.
                if (!open.leaseIfRoom(taskId.get(), labelerId, Ids.join(order), now, expires)) {
                    continue; // filled between the statement's snapshot and its lock
                }
            } else {
                leases.insert(taskId.get(), labelerId, order, now, expires);
            }
            return Optional.of(show(project, taskId.get(), task, order, now, expires));
        }
        throw tooManyRounds(projectId);
    }

    /**
     * The labeler's unanswered repeat, else at the project's rate a new one: a task they judged,
     * shown unmarked with the responses reversed (no lease: the task's overlap is not touched).
     */
    private Optional<NextTask> repeat(ProjectView project, long labelerId, Instant now, Instant expires) {
        Optional<Repeats.Check> check = repeats.pending(project.id(), labelerId);
        if (check.isEmpty() && ThreadLocalRandom.current().nextDouble() < project.repeatRate()) {
            check = repeats.draw(project.id(), labelerId, now);
        }
        return check.map(c -> show(project, c.taskId(), content(c.taskId()), c.presentedOrder(), c.shownAt(), expires));
    }

    /** A gold task, leased without a room check: each labeler may have it once, and the overlap does not apply. */
    private NextTask lease(ProjectView project, long taskId, long labelerId, Instant now, Instant expires) {
        TaskContent task = content(taskId);
        List<Long> order = order(project, task);
        leases.insert(taskId, labelerId, order, now, expires);
        return show(project, taskId, task, order, now, expires);
    }

    /** The task's responses in the order to show them: shuffled per labeler where the project says so. */
    private static List<Long> order(ProjectView project, TaskContent task) {
        List<Long> order = new ArrayList<>(task.responseIds());
        if (project.randomizeOrder()) {
            Collections.shuffle(order, ThreadLocalRandom.current());
        }
        return order;
    }

    /**
     * Locks an open task for this labeler that still has room, in the project's routing order
     * (read from the cached project, so FIFO and UNCERTAINTY cost the same statements), or empty
     * when the open work has none for them. First without waiting (PostgreSQL: one statement passes over held rows;
     * H2 applies LIMIT before SKIP LOCKED, so there each candidate is tried on its own); when
     * every candidate is held, waits for the oldest one and re-checks it.
     */
    private Optional<Long> lockOpenTask(long projectId, long labelerId, Instant now, Routing routing) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (postgres) {
                Optional<Long> id = open.lockFirstFree(projectId, labelerId, now, routing);
                if (id.isPresent()) {
                    return id; // its room is checked as the lease is stored
                }
            }
            List<Long> candidates = open.candidates(projectId, labelerId, now, CANDIDATES, routing);
            if (candidates.isEmpty()) {
                return Optional.empty(); // read fresh: no open task for this labeler
            }
            if (!postgres) {
                for (Long id : candidates) {
                    if (open.lockIfFree(id) && open.hasRoom(id, now)) {
                        return Optional.of(id);
                    }
                }
            }
            // Every candidate is held by another transaction (a lease being made, a judgment being
            // stored) or filled since the read: wait for the first, whose holder may leave room.
            Long oldest = candidates.getFirst();
            if (open.lock(oldest) && (postgres || open.hasRoom(oldest, now))) {
                return Optional.of(oldest);
            }
        }
        throw tooManyRounds(projectId);
    }

    private static ConflictException tooManyRounds(long projectId) {
        return new ConflictException("projectId", "could not lease a task of project " + projectId
                + " after " + MAX_ROUNDS + " tries; try again");
    }

    /**
     * One of the labeler's skipped tasks with room, locked, oldest skip first; empty when none.
     * Read only when no other open task is left, so skips never slow the common path.
     */
    private Optional<Long> lockSkippedTask(long projectId, long labelerId, Instant now) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Long> candidates = skips.candidates(projectId, labelerId, now, CANDIDATES);
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            for (Long id : candidates) {
                if (open.lock(id) && open.hasRoom(id, now)) {
                    return Optional.of(id);
                }
            }
        }
        throw new ConflictException("projectId", "could not lease a skipped task of project " + projectId
                + " after " + MAX_ROUNDS + " tries; try again");
    }

    /** Leases a skipped task, whose row the caller locked and found with room, to its labeler again. */
    private NextTask resume(ProjectView project, long taskId, long labelerId, Instant now) {
        Lease a = skips.resume(taskId, labelerId, now, now.plus(Duration.ofMinutes(project.leaseMinutes())));
        return show(project, taskId, content(taskId), a.presentedOrder(), a.leasedAt(), a.expiresAt());
    }

    /** Locks the labeler's account row; refuses a labeler paused in the project (gold tasks failed). */
    private void lockUnpaused(ProjectView project, long labelerId) {
        Leases.LockedLabeler labeler = leases.lockLabeler(project.id(), labelerId, postgres)
                .orElseThrow(() -> NotFoundException.of("labelerId", "account", labelerId));
        if (labeler.pausedReason() != null) {
            throw new NotAllowedException("you are paused in project '" + project.name() + "' ("
                    + labeler.pausedReason() + "); an admin can resume you");
        }
    }

    private NextTask undoInternal(long projectId, long labelerId) {
        ProjectView project = projects.get(projectId);
        lockUnpaused(project, labelerId);
        long taskId = skips.last(projectId, labelerId).orElseThrow(() -> new NotFoundException("projectId",
                "you have no skipped task in project " + projectId + " to take back"));
        Instant now = clock.instant();
        if (!open.lock(taskId) || !open.hasRoom(taskId, now)) {
            throw new ConflictException("taskId", "task " + taskId
                    + " you skipped has all the judgments it needs from others by now; it cannot come back");
        }
        open.slotsOfLabelerFreed(labelerId, now);
        skips.giveBackLive(projectId, labelerId, now);
        return resume(project, taskId, labelerId, now);
    }

    /**
     * Puts a task the labeler holds aside: it comes back to them after every other open task
     * (see {@link #next}), or at once with {@link #undoLastSkip}.
     */
    @Transactional
    public void skip(long taskId, long labelerId) {
        if (repeats.dropPending(taskId, labelerId)) {
            return; // a repeat skipped is a check not made; the task itself was judged long ago
        }
        if (!skips.skip(taskId, labelerId, clock.instant())) {
            boolean judged = jdbc.sql("SELECT COUNT(*) FROM assignments WHERE task_id = ? AND labeler_id = ?")
                    .params(taskId, labelerId).query(Long.class).single() > 0;
            if (judged) {
                throw new ConflictException("taskId", "task " + taskId + " was already judged");
            }
            throw new NotFoundException("taskId", "task " + taskId + " is not assigned to you");
        }
        open.slotFreed(taskId);
    }

    /**
     * Ends every running lease of a labeler now, in all projects (their session ended): the
     * tasks go back to the pool for others at once instead of when the leases run out. Like an
     * expired lease, a released one is not offered to the same labeler again; a judgment sent
     * for it later is still taken while the task has room.
     *
     * @return how many leases were released
     */
    @Transactional
    public int releaseLeases(long labelerId) {
        return leases.expireLive(labelerId, clock.instant());
    }

    private record TaskContent(long promptId, String prompt, List<Long> responseIds, List<String> texts) {
    }

    /**
     * The task's prompt and responses (in stored order) in one statement. Each response text is a
     * scalar subquery by primary key, so the plan stays a few index lookups even while the
     * planner's statistics still describe an empty table (right after a large import it chose to
     * hash-join all of {@code responses}).
     */
    private TaskContent content(long taskId) {
        List<Long> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        long[] promptId = {0};
        String[] prompt = {null};
        jdbc.sql("""
                        SELECT p.id, p.text, tr.response_id,
                               (SELECT r.text FROM responses r WHERE r.id = tr.response_id)
                          FROM task_responses tr
                          JOIN comparison_tasks t ON t.id = tr.task_id
                          JOIN prompts p ON p.id = t.prompt_id
                         WHERE tr.task_id = ? ORDER BY tr.position""")
                .param(taskId)
                .query(rs -> {
                    promptId[0] = rs.getLong(1);
                    prompt[0] = rs.getString(2);
                    ids.add(rs.getLong(3));
                    texts.add(rs.getString(4));
                });
        if (prompt[0] == null) {
            throw NotFoundException.of("taskId", "task", taskId);
        }
        return new TaskContent(promptId[0], prompt[0], ids, texts);
    }

    private static NextTask show(ProjectView project, long taskId, TaskContent task, List<Long> order,
                                 Instant leasedAt, Instant expiresAt) {
        List<ShownResponse> shown = order.stream()
                .map(id -> new ShownResponse(id, task.texts().get(task.responseIds().indexOf(id)))).toList();
        return new NextTask(taskId, project.id(), project.name(), project.guidelines(), task.promptId(),
                task.prompt(), shown, order, leasedAt, expiresAt);
    }
}
