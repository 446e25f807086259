package dev.pairwise.app.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pairwise.app.leaderboard.Leaderboard;
import dev.pairwise.app.leaderboard.LeaderboardService;
import dev.pairwise.app.leaderboard.Standing;
import dev.pairwise.app.leaderboard.TieRule;
import dev.pairwise.labeling.project.ProjectService;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's Bradley–Terry leaderboard as JSON, for the roles that see the leaderboard page
 * (researchers and admins): best first, ratings on the Elo scale (mean 1000), 95% bootstrap
 * intervals. {@code ties=arena} (the default) fits ties as Chatbot Arena does, {@code ties=half}
 * as half a win each; see {@link TieRule}.
 */
@RestController
class LeaderboardController {

    private final LeaderboardService leaderboard;
    private final ProjectService projects;

    LeaderboardController(LeaderboardService leaderboard, ProjectService projects) {
        this.leaderboard = leaderboard;
        this.projects = projects;
    }

    @GetMapping("/api/projects/{projectId}/leaderboard")
    @PreAuthorize("hasAnyRole('ADMIN', 'RESEARCHER')")
    Board board(@PathVariable long projectId, @RequestParam(required = false) @Nullable String ties) {
        TieRule rule = TieRule.parse("ties", ties);
        projects.get(projectId); // 404 naming projectId when there is no such project
        return Board.of(leaderboard.board(projectId, rule));
    }

    /** The answer: {@code {"systems": [...], "battles": N, "ties": "arena"|"half"}}. */
    record Board(List<SystemRow> systems, int battles, String ties) {

        static Board of(Leaderboard board) {
            return new Board(board.standings().stream().map(SystemRow::of).toList(), board.battles(),
                    board.ties().id());
        }
    }

    /**
     * One system.
     *
     * @param rating  the maximum-likelihood rating on the Elo scale
     * @param ciLow   2.5th percentile of the bootstrap ratings
     * @param ciHigh  97.5th percentile of the bootstrap ratings
     * @param battles battles it took part in
     * @param winRate its score over those battles, a tie counting ½
     */
    record SystemRow(String name, double rating, @JsonProperty("ci_low") double ciLow,
                     @JsonProperty("ci_high") double ciHigh, int battles, @JsonProperty("win_rate") double winRate) {

        static SystemRow of(Standing s) {
            return new SystemRow(s.system(), s.elo(), s.lower(), s.upper(), s.battles(), s.winRate());
        }
    }
}
