package dev.pairwise.app.leaderboard;

import dev.pairwise.labeling.battle.SystemRanking;
import dev.pairwise.labeling.battle.SystemRankings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The leaderboard over every stored ranking that put responses of different systems side by
 * side: K-wise rankings of sampled tasks and the A/B verdicts of blind battles alike. Each
 * ranking becomes battles ({@link Battles#fromRanking}: better tier wins, shared tier ties), the
 * Bradley–Terry model is fitted on the Elo scale (ties by Arena's rule unless asked otherwise),
 * and 95% intervals come from {@link BradleyTerry#DEFAULT_ROUNDS} bootstrap rounds that resample
 * whole judgments ({@link BradleyTerry#bootstrapByGroup}), since one ranking's battles share a
 * labeler and a prompt; an A/B battle (an imported vote, say) is one judgment of one battle, so
 * for those this is Arena's bootstrap over battles. The bootstrap seed is fixed, so a board does
 * not flicker between two looks at the same data.
 */
@Service
public class LeaderboardService {

    /** Fixed so that the same data always shows the same intervals. */
    static final long SEED = 20240307L;

    private final SystemRankings rankings;

    LeaderboardService(SystemRankings rankings) {
        this.rankings = rankings;
    }

    /** The board of one project, or of all projects when {@code projectId} is null, ties by Arena's rule. */
    public Leaderboard board(@Nullable Long projectId) {
        return board(projectId, TieRule.ARENA);
    }

    /** As {@link #board(Long)}, with ties entered into the fit by {@code ties}. */
    public Leaderboard board(@Nullable Long projectId, TieRule ties) {
        List<List<Battle>> groups = new ArrayList<>();
        for (SystemRanking r : rankings.rankings(projectId)) {
            List<Battle> battles = Battles.fromRanking(r.tiers(), r.systemOf());
            if (!battles.isEmpty()) {
                groups.add(battles);
            }
        }
        if (groups.isEmpty()) {
            return new Leaderboard(List.of(), 0, 0, ties);
        }
        Map<String, double[]> scores = new HashMap<>(); // system -> {score, battles}
        int count = 0;
        for (List<Battle> group : groups) {
            for (Battle b : group) {
                double s = b.outcome().scoreOfA();
                scores.computeIfAbsent(b.modelA(), m -> new double[2])[0] += s;
                scores.get(b.modelA())[1]++;
                scores.computeIfAbsent(b.modelB(), m -> new double[2])[0] += 1 - s;
                scores.get(b.modelB())[1]++;
                count++;
            }
        }
        List<Rating> ratings = BradleyTerry.bootstrapByGroup(groups, BradleyTerry.DEFAULT_ROUNDS, SEED, ties);
        List<Standing> standings = new ArrayList<>();
        for (int i = 0; i < ratings.size(); i++) {
            Rating r = ratings.get(i);
            double[] s = scores.get(r.model());
            standings.add(new Standing(i + 1, r.model(), r.elo(), r.lower(), r.upper(), r.battles(), s[0] / s[1]));
        }
        return new Leaderboard(standings, groups.size(), count, ties);
    }
}
