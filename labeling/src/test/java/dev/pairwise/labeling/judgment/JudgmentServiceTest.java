package dev.pairwise.labeling.judgment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.Fixtures;
import dev.pairwise.labeling.H2Test;
import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.account.Role;
import dev.pairwise.labeling.demo.DemoStatus;
import dev.pairwise.labeling.demo.DemonstrationService;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.task.AssignmentService;
import dev.pairwise.labeling.task.NextTask;
import dev.pairwise.labeling.task.OriginKind;
import dev.pairwise.labeling.task.ResponseRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@H2Test
class JudgmentServiceTest {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    AssignmentService assignment;
    @Autowired
    JudgmentService judgments;
    @Autowired
    JudgmentRepository judgmentRepo;
    @Autowired
    JudgmentPairRepository pairs;
    @Autowired
    ResponseRatingRepository ratings;
    @Autowired
    ResponseRepository responses;
    @Autowired
    DemonstrationService demos;
    @Autowired
    MeterRegistry meters;
    @Autowired
    dev.pairwise.labeling.MutableClock clock;

    Fixtures f;
    ProjectView project;
    long labeler;
    NextTask task;

    @BeforeEach
    void setUp() {
        f = new Fixtures(ctx);
        project = f.project(4, 1);
        f.prompts(project.id(), 1, 4);
        labeler = f.account(Role.LABELER);
        task = assignment.next(project.id(), labeler).orElseThrow();
    }

    private List<Long> ids() {
        return task.presentedOrder();
    }

    private SubmitJudgment ranking(String key, List<List<Long>> tiers) {
        return new SubmitJudgment(task.taskId(), key, ids(), tiers, Map.of(), Map.of(), false, null, null, 4200L);
    }

    @Test
    void a_ranking_is_stored_once_and_expanded_into_pairs_grouped_by_judgment() {
        List<Long> r = ids();
        double before = meters.counter("pairwise.pairs.created").count();
        SubmitResult result = judgments.submit(labeler, new SubmitJudgment(task.taskId(), "k-" + UUID.randomUUID(),
                r, List.of(List.of(r.get(2)), List.of(r.get(0), r.get(3)), List.of(r.get(1))),
                Map.of(r.get(0), 6, r.get(1), 1), Map.of(r.get(1), Set.of(ResponseFlag.UNTRUTHFUL, ResponseFlag.HARMFUL)),
                false, null, "2 is right", 4200L));
        assertThat(result.pairs()).isEqualTo(5); // 1·2 + 1·1 + 2·1, no pair inside the tie
        assertThat(result.duplicate()).isFalse();
        Judgment j = judgmentRepo.findById(result.judgmentId()).orElseThrow();
        assertThat(j.getPresentedOrder()).isEqualTo(r);
        assertThat(j.getTiers()).containsExactly(List.of(r.get(2)), List.of(r.get(0), r.get(3)), List.of(r.get(1)));
        assertThat(j.getTimeOnTaskMs()).isEqualTo(4200L);
        assertThat(j.getRationale()).isEqualTo("2 is right");
        List<JudgmentPair> stored = pairs.findByJudgmentIdOrderById(j.getId());
        assertThat(stored).hasSize(5).allMatch(p -> p.getJudgmentId() == j.getId());
        assertThat(stored).anyMatch(p -> p.getChosenResponseId() == r.get(2) && p.getRejectedResponseId() == r.get(1)
                && p.getMargin() == 2);
        assertThat(ratings.findByJudgmentId(j.getId())).hasSize(2)
                .anyMatch(x -> x.getResponseId() == r.get(1) && x.getLikert() == 1
                        && x.getFlags().equals(Set.of(ResponseFlag.UNTRUTHFUL, ResponseFlag.HARMFUL)));
        assertThat(meters.counter("pairwise.pairs.created").count() - before).isEqualTo(5.0);
    }

    @Test
    void the_same_idempotency_key_twice_stores_one_judgment() {
        String key = "retry-" + UUID.randomUUID();
        SubmitJudgment s = ranking(key, ids().stream().map(List::of).toList());
        SubmitResult first = judgments.submit(labeler, s);
        SubmitResult second = judgments.submit(labeler, s);
        assertThat(second.judgmentId()).isEqualTo(first.judgmentId());
        assertThat(second.duplicate()).isTrue();
        assertThat(second.pairs()).isEqualTo(6);
        assertThat(judgmentRepo.countByTaskId(task.taskId())).isEqualTo(1);
        assertThat(pairs.countByJudgmentId(first.judgmentId())).isEqualTo(6);
    }

    @Test
    void a_second_submit_with_a_new_key_is_refused() {
        judgments.submit(labeler, ranking("a-" + UUID.randomUUID(), List.of(ids())));
        assertThatThrownBy(() -> judgments.submit(labeler, ranking("b-" + UUID.randomUUID(), List.of(ids()))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already judged");
    }

    @Test
    void bad_input_names_the_field_and_stores_nothing() {
        List<Long> r = ids();
        assertField(new SubmitJudgment(task.taskId(), key(), r, List.of(List.of(r.get(0)), List.of(r.get(1))),
                Map.of(), Map.of(), false, null, null, null), "tiers");
        assertField(new SubmitJudgment(task.taskId(), key(), r, List.of(r), Map.of(r.get(0), 8), Map.of(), false,
                null, null, null), "likert[" + r.get(0) + "]");
        assertField(new SubmitJudgment(task.taskId(), key(), r, List.of(r), Map.of(r.get(0), 0), Map.of(), false,
                null, null, null), "likert[" + r.get(0) + "]");
        assertField(new SubmitJudgment(task.taskId(), key(), r.reversed(), List.of(r), Map.of(), Map.of(), false,
                null, null, null), "presentedOrder");
        assertField(new SubmitJudgment(task.taskId(), key(), r, List.of(r), Map.of(), Map.of(), true, " ", null,
                null), "betterAnswer");
        assertField(new SubmitJudgment(task.taskId(), "", r, List.of(r), Map.of(), Map.of(), false, null, null,
                null), "idempotencyKey");
        assertField(new SubmitJudgment(task.taskId(), key(), r, List.of(r), Map.of(), Map.of(), false, null,
                "x".repeat(10_001), null), "rationale");
        assertThat(judgmentRepo.countByTaskId(task.taskId())).isZero();
    }

    @Test
    void all_bad_stores_the_better_answer_as_demonstration_and_pairs_over_each_response() {
        SubmitResult result = judgments.submit(labeler, new SubmitJudgment(task.taskId(), key(), ids(), null,
                Map.of(), Map.of(), true, "The **right** answer.", null, 9000L));
        assertThat(result.pairs()).isEqualTo(4);
        Judgment j = judgmentRepo.findById(result.judgmentId()).orElseThrow();
        assertThat(j.isAllBad()).isTrue();
        var better = responses.findById(j.getBetterResponseId()).orElseThrow();
        assertThat(better.getOrigin().kind()).isEqualTo(OriginKind.HUMAN);
        assertThat(better.getAuthorId()).isEqualTo(labeler);
        assertThat(pairs.findByJudgmentIdOrderById(j.getId()))
                .allMatch(p -> p.getChosenResponseId() == better.getId() && p.getMargin() == 1);
        var demo = demos.get(result.demonstrationId());
        assertThat(demo.status()).isEqualTo(DemoStatus.SUBMITTED);
        assertThat(demo.response()).isEqualTo("The **right** answer.");
        assertThat(demo.instruction()).isEqualTo(task.prompt());
    }

    @Test
    void a_task_not_leased_to_the_caller_is_refused() {
        long stranger = f.account(Role.LABELER);
        assertThatThrownBy(() -> judgments.submit(stranger, ranking(key(), List.of(ids()))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not assigned");
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private void assertField(SubmitJudgment s, String field) {
        assertThatThrownBy(() -> judgments.submit(labeler, s)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo(field);
    }

    @Test
    void without_a_client_time_the_lease_age_is_recorded_as_time_on_task() {
        clock.advance(java.time.Duration.ofSeconds(90));
        SubmitResult r = judgments.submit(labeler, new SubmitJudgment(task.taskId(), key(), ids(), List.of(ids()),
                null, null, false, null, null, null));
        assertThat(judgmentRepo.findById(r.judgmentId()).orElseThrow().getTimeOnTaskMs()).isEqualTo(90_000L);
    }
}
