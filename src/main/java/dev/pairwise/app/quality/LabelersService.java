package dev.pairwise.app.quality;

import dev.pairwise.labeling.quality.LabelerJudgment;
import dev.pairwise.labeling.quality.QualityData;
import dev.pairwise.labeling.quality.QualitySettingsService;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A project's labelers table ({@link LabelersTable}) from what {@link QualityData} reads: the API,
 * the quality view and the training filter ("exclude flagged labelers") all use this one.
 */
@Service
public class LabelersService {

    private final QualityData data;
    private final QualitySettingsService settings;

    LabelersService(QualityData data, QualitySettingsService settings) {
        this.data = data;
        this.settings = settings;
    }

    /** The project's labelers table; {@code NotFoundException} naming {@code projectId} if unknown. */
    public LabelersTable table(long projectId) {
        double goldMin = settings.get(projectId).goldMinAccuracy();
        List<LabelerJudgment> judgments = data.labelerJudgments(projectId);
        return LabelersTable.of(new LabelersTable.Inputs(judgments, data.responseLengths(projectId),
                QualityData.goldScores(judgments, data.goldRankings(projectId)), data.repeatTallies(projectId),
                data.paused(projectId), goldMin));
    }
}
