package dev.pairwise.app.quality;

import dev.pairwise.app.agreement.Agreement;
import dev.pairwise.app.agreement.Ranking;
import dev.pairwise.labeling.quality.Adjudications;
import dev.pairwise.labeling.quality.LabelerJudgment;
import dev.pairwise.labeling.quality.QualityData;
import dev.pairwise.labeling.quality.QualitySettingsService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The tasks a reviewer should look at: judged by at least two labelers whose rankings disagree on
 * at least the project's {@code reviewDisagreement} share of the response pairs both ranked
 * strictly (disagreement = 1 − the task's pairwise agreement, as {@link Agreement} defines it),
 * and not adjudicated yet; most disputed first.
 */
@Service
public class ReviewQueue {

    /** A disputed task: how many labelers judged it and the share of their strict pair comparisons in conflict. */
    public record Disputed(long taskId, int labelers, double disagreement) {
    }

    private final QualityData data;
    private final Adjudications adjudications;
    private final QualitySettingsService settings;

    ReviewQueue(QualityData data, Adjudications adjudications, QualitySettingsService settings) {
        this.data = data;
        this.adjudications = adjudications;
        this.settings = settings;
    }

    /** The project's disputed tasks, most disputed first (then oldest). */
    public List<Disputed> disputed(long projectId) {
        double threshold = settings.get(projectId).reviewDisagreement();
        Set<Long> done = new HashSet<>(adjudications.adjudicatedTasks(projectId));
        return disputed(data.labelerJudgments(projectId), done, threshold);
    }

    /** Pure: the disputed tasks among {@code judgments}, leaving out {@code adjudicated} ones. */
    static List<Disputed> disputed(List<LabelerJudgment> judgments, Set<Long> adjudicated, double threshold) {
        Map<Long, List<Ranking>> byTask = new LinkedHashMap<>();
        for (LabelerJudgment j : judgments) {
            if (!adjudicated.contains(j.taskId())) {
                byTask.computeIfAbsent(j.taskId(), t -> new ArrayList<>()).add(new Ranking(j.taskId(), j.labeler(), j.tiers()));
            }
        }
        List<Disputed> out = new ArrayList<>();
        byTask.forEach((task, rankings) -> {
            if (rankings.size() >= 2) {
                double agreement = Agreement.of(rankings).pairwiseAgreement();
                if (!Double.isNaN(agreement) && 1 - agreement >= threshold - 1e-12) {
                    out.add(new Disputed(task, rankings.size(), 1 - agreement));
                }
            }
        });
        out.sort(Comparator.comparingDouble(Disputed::disagreement).reversed().thenComparingLong(Disputed::taskId));
        return out;
    }
}
