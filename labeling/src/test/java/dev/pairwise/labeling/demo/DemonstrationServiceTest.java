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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;

@H2Test
class DemonstrationServiceTest {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    DemonstrationService demos;

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
        DemonstrationView approved = demos.review(admin, d.id(), true, "clear");
        assertThat(approved.status()).isEqualTo(DemoStatus.APPROVED);
        assertThat(approved.reviewerId()).isEqualTo(admin);
        assertThat(approved.reviewerName()).isEqualTo(f.username(admin));
        assertThat(approved.reviewNote()).isEqualTo("clear");
        assertThatThrownBy(() -> demos.review(admin, d.id(), false, "again")).isInstanceOf(ConflictException.class);
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
