package dev.pairwise.app.demo;

import dev.pairwise.app.security.AccountAdminService;
import dev.pairwise.labeling.account.Account;
import dev.pairwise.labeling.demo.DemonstrationService;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectSettings;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.task.NewPrompt;
import dev.pairwise.labeling.task.NewPrompt.NewResponse;
import dev.pairwise.labeling.task.Origin;
import dev.pairwise.labeling.task.TaskService;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode, creates the demo project once: guidelines, K=4, randomized order, and 13
 * hand-written prompts (coding, advice, facts, creative) with four responses each. The
 * responses carry the origin "imported" from the demo set: people wrote them, in the style of
 * model samples of varying quality. Three demonstrations (two awaiting review) fill the review queue.
 */
@Component
@Order(30)
public class DemoProject implements ApplicationRunner {

    /** The demo project's name; also how a restart recognizes that it exists. */
    public static final String NAME = "Demo: helpful answers";
    static final String SOURCE = "pairwise-demo-set";

    private static final Logger log = LoggerFactory.getLogger(DemoProject.class);

    private final ProjectService projects;
    private final TaskService tasks;
    private final DemonstrationService demonstrations;
    private final AccountAdminService accounts;
    private final DemoProperties demo;

    DemoProject(ProjectService projects, TaskService tasks, DemonstrationService demonstrations,
            AccountAdminService accounts, DemoProperties demo) {
        this.projects = projects;
        this.tasks = tasks;
        this.demonstrations = demonstrations;
        this.accounts = accounts;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || projects.findByName(NAME).isPresent()) {
            return;
        }
        ProjectView project = projects.create(new ProjectSettings(NAME, DemoGuidelines.MARKDOWN, 4,
                ProjectSettings.DEFAULT_OVERLAP, true, true, ProjectSettings.DEFAULT_LEASE_MINUTES));
        List<NewPrompt> prompts = prompts().stream()
                .map(p -> new NewPrompt(p.prompt(), p.responses().stream()
                        .map(text -> new NewResponse(text, Origin.imported(SOURCE)))
                        .toList()))
                .toList();
        tasks.storeAll(project.id(), prompts);
        var labeler = accounts.findByUsername("labeler").map(Account::getId);
        var admin = accounts.findByUsername("admin").map(Account::getId);
        if (labeler.isPresent() && admin.isPresent()) {
            DemoDemonstrations.seed(demonstrations, project.id(), labeler.get(), admin.get());
        }
        log.info("Demo mode: created project '{}' with {} prompts", NAME, prompts.size());
    }

    /** All demo prompts, interleaved by kind so the first tasks show the variety. */
    static List<DemoPrompt> prompts() {
        List<List<DemoPrompt>> kinds = List.of(DemoCodingPrompts.all(), DemoAdvicePrompts.all(),
                DemoFactsPrompts.all(), DemoCreativePrompts.all());
        List<DemoPrompt> out = new ArrayList<>();
        int longest = kinds.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<DemoPrompt> kind : kinds) {
                if (i < kind.size()) {
                    out.add(kind.get(i));
                }
            }
        }
        return out;
    }
}
