package dev.pairwise.labeling.demo;

import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.FieldErrors;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.LabelingLimits;
import dev.pairwise.labeling.NotAllowedException;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.TextRules;
import dev.pairwise.labeling.account.Account;
import dev.pairwise.labeling.account.AccountRepository;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.project.Project;
import dev.pairwise.labeling.project.ProjectRepository;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.jspecify.annotations.Nullable;

/**
 * SFT demonstrations: admins (and labelers where the project allows) write them; admins review
 * them. Lifecycle DRAFT → SUBMITTED → APPROVED | REJECTED; the author editing a rejected one makes
 * it a draft again. A reviewer (an admin who is not the author) may edit one as it stands; the
 * edit is kept with who made it and the text it replaced. Nobody approves their own demonstration
 * but the only admin. Only APPROVED demonstrations are exported for training by default.
 */
@Service
public class DemonstrationService {

    private final DemonstrationRepository demos;
    private final ProjectRepository projects;
    private final AccountRepository accounts;
    private final DemonstrationEditRepository edits;
    private final LabelingLimits limits;
    private final Clock clock;

    DemonstrationService(DemonstrationRepository demos, ProjectRepository projects, AccountRepository accounts,
                         DemonstrationEditRepository edits, LabelingLimits limits, Clock clock) {
        this.demos = demos;
        this.edits = edits;
        this.projects = projects;
        this.accounts = accounts;
        this.limits = limits;
        this.clock = clock;
    }

    /** Whether this account may write demonstrations in this project. */
    @Transactional(readOnly = true)
    public boolean mayWrite(long accountId, long projectId) {
        return mayWrite(account(accountId), project(projectId));
    }

    /** Writes a demonstration as a draft, or submitted when {@code draft.submit()}. */
    @Transactional
    public DemonstrationView create(long authorId, DemoDraft draft) {
        if (draft == null) {
            throw new InvalidInputException("demonstration", "demonstration is missing");
        }
        Account author = account(authorId);
        Project project = project(draft.projectId());
        if (!mayWrite(author, project)) {
            throw new NotAllowedException("you may not write demonstrations in project " + project.getName());
        }
        Text text = text(draft.instruction(), draft.response());
        String instruction = text.instruction();
        String response = text.response();
        DemoStatus status = draft.submit() ? DemoStatus.SUBMITTED : DemoStatus.DRAFT;
        Demonstration d = demos.saveAndFlush(new Demonstration(project.getId(), instruction, response, status,
                Demonstration.SOURCE_WRITTEN, authorId, null, clock.instant()));
        return view(d);
    }

    /**
     * Edits the text. The author may while it is a DRAFT or REJECTED (an admin author always), and
     * it becomes a draft again. Another admin (a reviewer) may at any status, which stays as it is,
     * and the edit is kept with who made it and the text it replaced ({@link #edits}).
     */
    @Transactional
    public DemonstrationView update(long actorId, long demoId, String instruction, String response) {
        Demonstration d = demo(demoId);
        Account actor = account(actorId);
        boolean admin = actor.hasRole(Role.ADMIN);
        boolean author = actor.getId().equals(d.getAuthorId());
        if (!admin && !author) {
            throw new NotAllowedException("only the author or an admin may edit demonstration " + demoId);
        }
        if (!admin && (d.getStatus() == DemoStatus.SUBMITTED || d.getStatus() == DemoStatus.APPROVED)) {
            throw new ConflictException("status", "demonstration " + demoId + " is " + d.getStatus() + " and locked");
        }
        Text text = text(instruction, response);
        String newInstruction = text.instruction();
        String newResponse = text.response();
        if (author) {
            d.revise(newInstruction, newResponse, clock.instant());
        } else if (!newInstruction.equals(d.getInstruction()) || !newResponse.equals(d.getResponse())) {
            edits.save(new DemonstrationEdit(demoId, actorId, d.getInstruction(), d.getResponse(), clock.instant()));
            d.edit(newInstruction, newResponse, clock.instant());
        }
        return view(demos.saveAndFlush(d));
    }

    private record Text(String instruction, String response) {
    }

    /** Checks both texts, reporting both when both are wrong. */
    private Text text(@Nullable String instruction, @Nullable String response) {
        FieldErrors errors = new FieldErrors();
        String i = errors.value(() -> TextRules.require("instruction", instruction, limits.maxTextChars()));
        String r = errors.value(() -> TextRules.require("response", response, limits.maxTextChars()));
        errors.throwIfAny();
        return new Text(i, r);
    }

    /** Reviewers' edits of a demonstration, oldest first; the first holds the author's original. */
    @Transactional(readOnly = true)
    public List<DemoEditView> edits(long demoId) {
        demo(demoId);
        List<DemonstrationEdit> all = edits.findByDemonstrationIdOrderByIdAsc(demoId);
        Map<Long, String> names = new HashMap<>();
        accounts.findAllById(all.stream().map(DemonstrationEdit::getEditorId).collect(Collectors.toSet()))
                .forEach(a -> names.put(a.getId(), a.getUsername()));
        return all.stream().map(e -> new DemoEditView(e.getEditorId(), names.getOrDefault(e.getEditorId(), "?"),
                e.getEditedAt(), e.getInstructionBefore(), e.getResponseBefore())).toList();
    }

    /**
     * Whether this admin may approve their own demonstrations: only when they are the only
     * enabled admin (nobody else could), which the review screen says.
     */
    @Transactional(readOnly = true)
    public boolean isOnlyAdmin(long accountId) {
        Account a = account(accountId);
        return a.isEnabled() && a.hasRole(Role.ADMIN) && accounts.countEnabledAdmins() == 1;
    }

    /** DRAFT → SUBMITTED, by the author or an admin. */
    @Transactional
    public DemonstrationView submit(long actorId, long demoId) {
        Demonstration d = demo(demoId);
        Account actor = account(actorId);
        if (!actor.hasRole(Role.ADMIN) && !actor.getId().equals(d.getAuthorId())) {
            throw new NotAllowedException("only the author or an admin may submit demonstration " + demoId);
        }
        if (d.getStatus() != DemoStatus.DRAFT) {
            throw new ConflictException("status", "only a draft can be submitted; demonstration " + demoId
                    + " is " + d.getStatus());
        }
        d.moveTo(DemoStatus.SUBMITTED, clock.instant());
        return view(demos.saveAndFlush(d));
    }

    /** SUBMITTED → APPROVED or REJECTED, by an admin, with an optional note (required to reject). */
    @Transactional
    public DemonstrationView review(long reviewerId, long demoId, boolean approve, @Nullable String note) {
        Demonstration d = demo(demoId);
        Account reviewer = account(reviewerId);
        if (!reviewer.hasRole(Role.ADMIN)) {
            throw new NotAllowedException("only admins review demonstrations");
        }
        if (d.getStatus() != DemoStatus.SUBMITTED) {
            throw new ConflictException("status", "demonstration " + demoId + " is " + d.getStatus()
                    + ", not awaiting review");
        }
        if (approve && Long.valueOf(reviewerId).equals(d.getAuthorId())
                && accounts.countEnabledAdmins() > 1) {
            throw new NotAllowedException("you wrote demonstration " + demoId
                    + "; another admin must approve it (you may reject or edit it)");
        }
        String n = TextRules.optional("note", note, 4000);
        if (!approve && n == null) {
            throw new InvalidInputException("note", "say why the demonstration is rejected");
        }
        d.review(approve ? DemoStatus.APPROVED : DemoStatus.REJECTED, reviewerId, n, clock.instant());
        return view(demos.saveAndFlush(d));
    }

    @Transactional(readOnly = true)
    public DemonstrationView get(long demoId) {
        return view(demo(demoId));
    }

    /** Filtered, paged list, newest first unless the pageable sorts otherwise. */
    @Transactional(readOnly = true)
    public Page<DemonstrationView> search(@Nullable DemoQuery query, Pageable page) {
        DemoQuery q = query == null ? DemoQuery.all() : query;
        Specification<Demonstration> spec = (root, cq, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (q.projectId() != null) {
                where.add(cb.equal(root.get("projectId"), q.projectId()));
            }
            if (q.status() != null) {
                where.add(cb.equal(root.get("status"), q.status()));
            }
            if (q.authorId() != null) {
                where.add(cb.equal(root.get("authorId"), q.authorId()));
            }
            if (q.text() != null && !q.text().isBlank()) {
                String like = "%" + q.text().strip().toLowerCase().replace("\\", "\\\\")
                        .replace("%", "\\%").replace("_", "\\_") + "%";
                where.add(cb.or(cb.like(cb.lower(root.get("instruction")), like, '\\'),
                        cb.like(cb.lower(root.get("response")), like, '\\')));
            }
            if (cq != null && Long.class != cq.getResultType() && long.class != cq.getResultType()
                    && page.getSort().isUnsorted()) {
                cq.orderBy(cb.desc(root.get("id")));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        Page<Demonstration> found = demos.findAll(spec, page);
        Map<Long, String> names = names(found.getContent());
        return found.map(d -> view(d, names));
    }

    private boolean mayWrite(Account a, Project p) {
        return a.isEnabled() && (a.hasRole(Role.ADMIN) || (a.hasRole(Role.LABELER) && p.isLabelersMayWriteDemos()));
    }

    private DemonstrationView view(Demonstration d) {
        return view(d, names(List.of(d)));
    }

    private Map<Long, String> names(List<Demonstration> list) {
        Set<Long> ids = new HashSet<>();
        for (Demonstration d : list) {
            if (d.getAuthorId() != null) {
                ids.add(d.getAuthorId());
            }
            if (d.getReviewerId() != null) {
                ids.add(d.getReviewerId());
            }
        }
        Map<Long, String> names = new HashMap<>();
        accounts.findAllById(ids).forEach(a -> names.put(a.getId(), a.getUsername()));
        return names;
    }

    private static DemonstrationView view(Demonstration d, Map<Long, String> names) {
        return new DemonstrationView(d.getId(), d.getProjectId(), d.getInstruction(), d.getResponse(), d.getStatus(),
                d.getSource(), d.getAuthorId(), names.get(d.getAuthorId()), d.getReviewerId(),
                names.get(d.getReviewerId()), d.getReviewNote(), d.getJudgmentId(), d.getCreatedAt(),
                d.getUpdatedAt());
    }

    private Demonstration demo(long id) {
        return demos.findById(id).orElseThrow(() -> NotFoundException.of("demonstrationId", "demonstration", id));
    }

    private Account account(long id) {
        return accounts.findById(id).orElseThrow(() -> NotFoundException.of("accountId", "account", id));
    }

    private Project project(long id) {
        return projects.findById(id).orElseThrow(() -> NotFoundException.of("projectId", "project", id));
    }
}
