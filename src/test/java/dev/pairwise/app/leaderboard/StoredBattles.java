package dev.pairwise.app.leaderboard;

import dev.pairwise.labeling.account.Account;
import dev.pairwise.labeling.account.AccountRepository;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.judgment.JudgmentService;
import dev.pairwise.labeling.judgment.ResponseFlag;
import dev.pairwise.labeling.judgment.SubmitJudgment;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectSettings;
import dev.pairwise.labeling.task.AddedPrompt;
import dev.pairwise.labeling.task.AssignmentService;
import dev.pairwise.labeling.task.NewPrompt;
import dev.pairwise.labeling.task.NextTask;
import dev.pairwise.labeling.task.Origin;
import dev.pairwise.labeling.task.TaskService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * Real stored rankings for leaderboard tests: a task per ranking, leased and judged through the
 * labeling services as a labeler's browser would. Names become origins: {@code "human"} a HUMAN
 * response, {@code "imported:x"} an IMPORTED one from source x, anything else a MODEL checkpoint.
 */
public final class StoredBattles {

    private final ProjectService projects;
    private final TaskService tasks;
    private final AssignmentService assignments;
    private final JudgmentService judgments;
    private final AccountRepository accounts;

    public StoredBattles(ApplicationContext ctx) {
        projects = ctx.getBean(ProjectService.class);
        tasks = ctx.getBean(TaskService.class);
        assignments = ctx.getBean(AssignmentService.class);
        judgments = ctx.getBean(JudgmentService.class);
        accounts = ctx.getBean(AccountRepository.class);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public long project(int k) {
        return projects.create(new ProjectSettings(unique("arena"), "", k, 1, true, false, 30)).id();
    }

    public long labeler() {
        String name = unique("labeler");
        return accounts.save(new Account(name, name, "{noop}x", Set.of(Role.LABELER), Instant.now())).getId();
    }

    static Origin origin(String name) {
        if (name.equals("human")) {
            return Origin.human();
        }
        return name.startsWith("imported:") ? Origin.imported(name.substring(9)) : Origin.model(name, "{}");
    }

    /** A new task whose responses come from these systems, leased to {@code labelerId}. */
    public Leased lease(long projectId, long labelerId, List<String> systems) {
        List<NewPrompt.NewResponse> rs = new ArrayList<>();
        for (int i = 0; i < systems.size(); i++) {
            rs.add(new NewPrompt.NewResponse("answer " + i + " by " + systems.get(i), origin(systems.get(i))));
        }
        AddedPrompt added = tasks.addPrompt(projectId, new NewPrompt(unique("prompt"), rs));
        NextTask task = assignments.next(projectId, labelerId).orElseThrow();
        if (task.taskId() != added.taskId()) {
            throw new IllegalStateException("the labeler holds an older task " + task.taskId());
        }
        Map<String, List<Long>> ids = new HashMap<>();
        for (int i = 0; i < systems.size(); i++) {
            ids.computeIfAbsent(systems.get(i), s -> new ArrayList<>()).add(added.responseIds().get(i));
        }
        return new Leased(task, ids);
    }

    /** A leased task and the response ids of each system on it. */
    public record Leased(NextTask task, Map<String, List<Long>> idsOf) {
    }

    /** Submits a ranking of a leased task, given as tiers of response ids. */
    public long judge(long labelerId, Leased leased, List<List<Long>> tiers, Map<Long, Set<ResponseFlag>> flags) {
        return judgments.submit(labelerId, new SubmitJudgment(leased.task().taskId(), UUID.randomUUID().toString(),
                leased.task().presentedOrder(), tiers, null, flags, false, null, null, 1000L)).judgmentId();
    }

    /**
     * Stores and judges one task: {@code tiers} name systems, best first; each name is one response
     * (a name used twice is two responses of one system).
     */
    public long rank(long projectId, long labelerId, List<List<String>> tiers) {
        Leased leased = lease(projectId, labelerId, tiers.stream().flatMap(List::stream).toList());
        Map<String, Integer> used = new HashMap<>();
        List<List<Long>> ids = tiers.stream().map(tier -> tier.stream()
                .map(s -> leased.idsOf().get(s).get(used.merge(s, 1, Integer::sum) - 1)).toList()).toList();
        return judge(labelerId, leased, ids, Map.of());
    }
}
