package dev.pairwise.app.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.app.leaderboard.Battle.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BattlesTest {

    @Test
    void responses_from_different_systems_battle_by_tier_and_share_a_tier_as_a_tie() {
        // 1 (v2) > 2 (v1) = 3 (imported) > 4 (v2) ; 5 is a person's answer
        Map<Long, String> system = Map.of(1L, "ckpt-v2", 2L, "ckpt-v1", 3L, "gpt-x", 4L, "ckpt-v2");
        List<Battle> battles = Battles.fromRanking(List.of(List.of(1L, 5L), List.of(2L, 3L), List.of(4L)), system);
        assertThat(battles).containsExactlyInAnyOrder(
                new Battle("ckpt-v2", "ckpt-v1", Outcome.A),
                new Battle("ckpt-v2", "gpt-x", Outcome.A),
                new Battle("ckpt-v1", "gpt-x", Outcome.TIE),
                new Battle("ckpt-v1", "ckpt-v2", Outcome.A),
                new Battle("gpt-x", "ckpt-v2", Outcome.A));
        // 1 vs 4: the same system, no battle; 5: no system, no battle.
    }

    @Test
    void a_ranking_of_one_systems_responses_makes_no_battle() {
        assertThat(Battles.fromRanking(List.of(List.of(1L), List.of(2L)), Map.of(1L, "a", 2L, "a"))).isEmpty();
    }
}
