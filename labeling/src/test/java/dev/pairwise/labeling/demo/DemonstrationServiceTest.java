package dev.pairwise.labeling.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.Fixtures;
import dev.pairwise.labeling.H2Test;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.NotAllowedException;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.project.ProjectSettings;
import dev.pairwise.labeling.project.ProjectView;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

@H2Test
class DemonstrationServiceTest {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    DemonstrationService demos;
    @Autowired
    JdbcClient jdbc;

    Fixtures f;
    long admin;
    long labeler;

    @BeforeEach
    void setUp() {
        f = new Fixtures(ctx);
        admin = f.account(Role.ADMIN);
        labeler = f.account(Role.LABELER);
    }

    @Test
    void a_demonstration_goes_from_draft_to_submitted_to_approved_with_reviewer_and_note() {
        ProjectView p = f.project(2, 1);
        DemonstrationView d = demos.create(admin, new DemoDraft(p.id(), "Explain DNS", "DNS maps names to addresses.", false));
        assertThat(d.status()).isEqualTo(DemoStatus.DRAFT);
        assertThat(demos.submit(admin, d.id()).status()).isEqualTo(DemoStatus.SUBMITTED);
        long reviewer = f.account(Role.ADMIN);
        DemonstrationView approved = demos.review(reviewer, d.id(), true, "clear");
        assertThat(approved.status()).isEqualTo(DemoStatus.APPROVED);
        assertThat(approved.reviewerId()).isEqualTo(reviewer);
        assertThat(approved.reviewerName()).isEqualTo(f.username(reviewer));
        assertThat(approved.reviewNote()).isEqualTo("clear");
        assertThatThrownBy(() -> demos.review(reviewer, d.id(), false, "again")).isInstanceOf(ConflictException.class);
    }

    @Test
    void an_admin_cannot_approve_their_own_demonstration_unless_they_are_the_only_admin() {
        ProjectView p = f.project(2, 1);
        DemonstrationView own = demos.create(admin, new DemoDraft(p.id(), "Explain DNS", "Names to addresses.", true));
        f.account(Role.ADMIN); // another admin, who could approve it
        assertThat(demos.isOnlyAdmin(admin)).isFalse();
        assertThatThrownBy(() -> demos.review(admin, own.id(), true, null)).isInstanceOf(NotAllowedException.class)
                .hasMessage("you wrote demonstration " + own.id() + "; another admin must approve it (you may reject or edit it)");

        // Every other admin disabled: this one is the only admin, so nobody else could approve.
        List<Long> others = jdbc.sql("SELECT id FROM accounts WHERE enabled = TRUE AND roles LIKE '%ADMIN%' AND id <> ?")
                .param(admin).query(Long.class).list();
        try {
            others.forEach(id -> jdbc.sql("UPDATE accounts SET enabled = FALSE WHERE id = ?").param(id).update());
            assertThat(demos.isOnlyAdmin(admin)).isTrue();
            assertThat(demos.review(admin, own.id(), true, null).status()).isEqualTo(DemoStatus.APPROVED);
        } finally {
            others.forEach(id -> jdbc.sql("UPDATE accounts SET enabled = TRUE WHERE id = ?").param(id).update());
        }
    }

    @Test
    void a_reviewers_edit_keeps_the_status_who_made_it_and_the_original() {
        ProjectView p = f.project(new ProjectSettings(Fixtures.unique("edits"), "", 2, 1, true, true, 30));
        DemonstrationView d = demos.create(labeler, new DemoDraft(p.id(), "Name a prime", "9", true));
        assertThat(demos.edits(d.id())).isEmpty();
        DemonstrationView edited = demos.update(admin, d.id(), "Name a prime", "7");
        assertThat(edited.status()).as("still awaiting review").isEqualTo(DemoStatus.SUBMITTED);
        assertThat(edited.response()).isEqualTo("7");
        long second = f.account(Role.ADMIN);
        demos.update(second, d.id(), "Name a prime number", "7");
        demos.update(second, d.id(), "Name a prime number", "7"); // no change: no edit kept

        assertThat(demos.edits(d.id())).extracting(DemoEditView::editorName, DemoEditView::instructionBefore,
                DemoEditView::responseBefore).containsExactly(
                Tuple.tuple(f.username(admin), "Name a prime", "9"),
                Tuple.tuple(f.username(second), "Name a prime", "7"));
        DemonstrationView approved = demos.review(admin, d.id(), true, "fixed the answer");
        assertThat(approved.status()).isEqualTo(DemoStatus.APPROVED);
        assertThat(approved.response()).isEqualTo("7");
        assertThat(approved.authorId()).as("still the labeler's demonstration").isEqualTo(labeler);
    }

    @Test
    void rejecting_needs_a_note_and_the_author_may_revise_a_rejected_one() {
        ProjectView p = f.project(new ProjectSettings(Fixtures.unique("demos"), "", 2, 1, true, true, 30));
        DemonstrationView d = demos.create(labeler, new DemoDraft(p.id(), "Q", "A", true));
        assertThatThrownBy(() -> demos.review(admin, d.id(), false, " ")).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("note");
        demos.review(admin, d.id(), false, "too short");
        DemonstrationView revised = demos.update(labeler, d.id(), "Q", "A longer answer.");
        assertThat(revised.status()).isEqualTo(DemoStatus.DRAFT);
        assertThatThrownBy(() -> demos.review(labeler, d.id(), true, null)).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void labelers_write_demonstrations_only_where_the_project_allows() {
        ProjectView closed = f.project(2, 1);
        assertThat(demos.mayWrite(labeler, closed.id())).isFalse();
        assertThatThrownBy(() -> demos.create(labeler, new DemoDraft(closed.id(), "Q", "A", false)))
                .isInstanceOf(NotAllowedException.class);
        ProjectView open = f.project(new ProjectSettings(Fixtures.unique("open"), "", 2, 1, true, true, 30));
        assertThat(demos.create(labeler, new DemoDraft(open.id(), "Q", "A", false)).authorId()).isEqualTo(labeler);
    }

    @Test
    void empty_instruction_is_refused_by_field() {
        ProjectView p = f.project(2, 1);
        assertThatThrownBy(() -> demos.create(admin, new DemoDraft(p.id(), "", "A", false)))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("instruction");
    }

    @Test
    void an_empty_instruction_and_response_are_refused_together_and_nothing_is_stored() {
        ProjectView p = f.project(2, 1);
        assertThatThrownBy(() -> demos.create(admin, new DemoDraft(p.id(), " ", "", true)))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).errors().keySet())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.collection(String.class))
                .containsExactly("instruction", "response");
        assertThat(demos.search(new DemoQuery(p.id(), null, null, null), PageRequest.of(0, 10)).getTotalElements())
                .isZero();
    }

    @Test
    void the_list_filters_by_project_status_author_and_text() {
        ProjectView p = f.project(2, 1);
        demos.create(admin, new DemoDraft(p.id(), "How do tides work?", "The moon.", true));
        demos.create(admin, new DemoDraft(p.id(), "Bake bread", "Flour, water, 100% patience.", false));
        var page = PageRequest.of(0, 10);
        assertThat(demos.search(new DemoQuery(p.id(), null, null, null), page).getTotalElements()).isEqualTo(2);
        assertThat(demos.search(new DemoQuery(p.id(), DemoStatus.SUBMITTED, null, null), page).getContent())
                .extracting(DemonstrationView::instruction).containsExactly("How do tides work?");
        assertThat(demos.search(new DemoQuery(p.id(), null, admin, "TIDES"), page).getContent()).hasSize(1);
        assertThat(demos.search(new DemoQuery(p.id(), null, null, "100%"), page).getContent())
                .extracting(DemonstrationView::instruction).containsExactly("Bake bread");
        assertThat(demos.search(new DemoQuery(p.id(), null, labeler, null), page).getContent()).isEmpty();
    }
}
