package dev.pairwise.app.aijudge;

import dev.pairwise.app.agreement.Agreement;
import dev.pairwise.app.agreement.Ranking;
import dev.pairwise.labeling.ai.AiJudgments;
import dev.pairwise.labeling.export.ExportService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * How far each AI judge of a project agrees with the people who ranked the same tasks. Computed
 * by {@link Agreement} over the people's rankings plus that one judge's: the judge's entry is the
 * judge against the consensus of the people on each task they share (mean mid-rank), the same
 * numbers the labelers table gives a person. People's own agreement is given beside it, AI left
 * out, as the bar to compare with.
 */
@Service
public class AiAgreement {

    private final ExportService export;
    private final AiJudgments judgments;

    AiAgreement(ExportService export, AiJudgments judgments) {
        this.export = export;
        this.judgments = judgments;
    }

    /**
     * {@code human_pairwise_agreement, human_krippendorff_alpha, judges: [{judge, ranked, ties,
     * abstained, tasks_with_people, units, pairwise_agreement, krippendorff_alpha, kendall_tau_b}]};
     * NaN as null. {@link dev.pairwise.labeling.NotFoundException} for no project.
     */
    public Map<String, @Nullable Object> of(long projectId) {
        List<Ranking> people = new ArrayList<>();
        export.forEachJudgment(projectId, false, j -> people.add(new Ranking(j.taskId(), j.labeler(), j.tiers())));
        Agreement human = Agreement.of(people);
        List<AiJudgments.AiRanking> ai = judgments.rankings(projectId);
        List<Map<String, @Nullable Object>> judges = new ArrayList<>();
        for (AiJudgments.JudgeSummary s : judgments.summaries(projectId)) {
            List<Ranking> together = new ArrayList<>(people);
            ai.stream().filter(r -> r.judge().equals(s.judge()))
                    .forEach(r -> together.add(new Ranking(r.taskId(), r.judge(), r.tiers())));
            Agreement.LabelerAgreement mine = Agreement.of(together).perLabeler().stream()
                    .filter(l -> l.labeler().equals(s.judge())).findFirst().orElse(null);
            Map<String, @Nullable Object> m = new LinkedHashMap<>();
            m.put("judge", s.judge());
            m.put("ranked", s.ranked());
            m.put("ties", s.ties());
            m.put("abstained", s.abstained());
            m.put("tasks_with_people", mine == null ? 0 : mine.tasks());
            m.put("units", mine == null ? 0 : mine.units());
            m.put("pairwise_agreement", mine == null ? null : number(mine.pairwiseAgreement()));
            m.put("krippendorff_alpha", mine == null ? null : number(mine.krippendorffAlpha()));
            m.put("kendall_tau_b", mine == null ? null : number(mine.kendallTauB()));
            judges.add(m);
        }
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("human_pairwise_agreement", number(human.pairwiseAgreement()));
        out.put("human_krippendorff_alpha", number(human.krippendorffAlpha()));
        out.put("judges", judges);
        return out;
    }

    private static @Nullable Double number(double d) {
        return Double.isNaN(d) ? null : d;
    }
}
