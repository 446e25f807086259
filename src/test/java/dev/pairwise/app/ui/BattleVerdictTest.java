package dev.pairwise.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.app.leaderboard.Leaderboard;
import dev.pairwise.app.leaderboard.LeaderboardService;
import dev.pairwise.app.leaderboard.LeaderboardServiceTest;
import dev.pairwise.app.leaderboard.Standing;
import dev.pairwise.app.leaderboard.StoredBattles;
import dev.pairwise.labeling.judgment.ResponseFlag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Blind battle verdicts, stored through the judgment service, as the leaderboard reads them. */
@SpringBootTest(classes = LeaderboardServiceTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:leaderboard;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.jpa.hibernate.ddl-auto=validate",
                "spring.flyway.locations=classpath:db/migration",
                "spring.main.banner-mode=off"})
class BattleVerdictTest {

    @Autowired
    ApplicationContext ctx;
    @Autowired
    LeaderboardService leaderboard;
    @Autowired
    JdbcClient jdbc; // views (and tests in their package) never reach repositories

    @Test
    void a_verdict_maps_the_two_presented_responses_to_tiers() {
        List<Long> shown = List.of(7L, 3L); // 7 shown as A, 3 as B
        assertThat(BattleVerdict.A.tiers(shown)).isEqualTo(List.of(List.of(7L), List.of(3L)));
        assertThat(BattleVerdict.B.tiers(shown)).isEqualTo(List.of(List.of(3L), List.of(7L)));
        assertThat(BattleVerdict.TIE.tiers(shown)).isEqualTo(List.of(List.of(7L, 3L)));
        assertThat(BattleVerdict.BOTH_BAD.tiers(shown)).isEqualTo(List.of(List.of(7L, 3L)));
        assertThat(BattleVerdict.TIE.flags(shown)).isEmpty();
        assertThat(BattleVerdict.BOTH_BAD.flags(shown)).isEqualTo(Map.of(
                7L, Set.of(ResponseFlag.LOW_QUALITY), 3L, Set.of(ResponseFlag.LOW_QUALITY)));
    }

    @Test
    void battle_verdicts_reach_the_leaderboard_with_ties_and_both_bad_as_half_a_win() {
        StoredBattles arena = new StoredBattles(ctx);
        long project = arena.project(2);
        long labeler = arena.labeler();
        String policy = StoredBattles.unique("policy");
        String sft = StoredBattles.unique("sft");
        List<BattleVerdict> verdicts = List.of(BattleVerdict.A, BattleVerdict.A, BattleVerdict.B,
                BattleVerdict.TIE, BattleVerdict.BOTH_BAD);
        long bothBadJudgment = 0;
        for (BattleVerdict v : verdicts) {
            StoredBattles.Leased leased = arena.lease(project, labeler, List.of(policy, sft));
            // Verdicts from the side of the policy: its response in the place of "A".
            List<Long> shown = List.of(leased.idsOf().get(policy).getFirst(), leased.idsOf().get(sft).getFirst());
            long id = arena.judge(labeler, leased, v.tiers(shown), v.flags(shown));
            if (v == BattleVerdict.BOTH_BAD) {
                bothBadJudgment = id;
            }
        }
        Leaderboard board = leaderboard.board(project);
        Map<String, Standing> s = board.standings().stream()
                .collect(Collectors.toMap(Standing::system, Function.identity()));
        assertThat(board.battles()).isEqualTo(5);
        // policy: wins 2, loses 1, ties 2 -> (2 + 1) / 5
        assertThat(s.get(policy).winRate()).isEqualTo(0.6);
        assertThat(s.get(sft).winRate()).isEqualTo(0.4);
        assertThat(s.get(policy).elo()).isGreaterThan(s.get(sft).elo());
        assertThat(jdbc.sql("SELECT flags FROM response_ratings WHERE judgment_id = ?").param(bothBadJudgment)
                .query(String.class).list()).containsExactly("LOW_QUALITY", "LOW_QUALITY");
    }
}
