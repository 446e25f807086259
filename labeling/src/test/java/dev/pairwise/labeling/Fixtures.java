package dev.pairwise.labeling;

import dev.pairwise.labeling.account.Account;
import dev.pairwise.labeling.account.AccountRepository;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectSettings;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.task.AddedPrompt;
import dev.pairwise.labeling.task.NewPrompt;
import dev.pairwise.labeling.task.Origin;
import dev.pairwise.labeling.task.TaskService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.context.ApplicationContext;

/** Test data with unique names, so tests sharing a database never see each other's rows. */
public final class Fixtures {

    private final AccountRepository accounts;
    private final ProjectService projects;
    private final TaskService tasks;
    private final Clock clock;

    public Fixtures(ApplicationContext ctx) {
        this.accounts = ctx.getBean(AccountRepository.class);
        this.projects = ctx.getBean(ProjectService.class);
        this.tasks = ctx.getBean(TaskService.class);
        this.clock = ctx.getBean(Clock.class);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public long account(Role... roles) {
        String name = unique(roles.length == 0 ? "user" : roles[0].name().toLowerCase());
        return accounts.save(new Account(name, name, "{noop}x", EnumSet.copyOf(List.of(roles)), clock.instant()))
                .getId();
    }

    public String username(long accountId) {
        return accounts.findById(accountId).orElseThrow().getUsername();
    }

    public ProjectView project(int k, int overlap) {
        return projects.create(new ProjectSettings(unique("project"), "Be **helpful**.", k, overlap, true, false, 30));
    }

    public ProjectView project(ProjectSettings settings) {
        return projects.create(settings);
    }

    /** Adds {@code n} prompts with {@code k} distinct responses each; returns what was created. */
    public List<AddedPrompt> prompts(long projectId, int n, int k) {
        List<AddedPrompt> added = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int p = i;
            List<NewPrompt.NewResponse> rs = IntStream.range(0, k)
                    .mapToObj(r -> new NewPrompt.NewResponse("answer " + r + " to prompt " + p,
                            r % 2 == 0 ? Origin.model("ckpt-100", "{\"temperature\":0.7}") : Origin.imported("t")))
                    .toList();
            added.add(tasks.addPrompt(projectId, new NewPrompt("prompt " + p + " — explain *why*", rs)));
        }
        return added;
    }
}
